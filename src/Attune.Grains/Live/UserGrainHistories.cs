using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// Live histories kept by UserGrains (cluster mode, where any silo may take a user's events): one grain call per
/// append or read; the grain reads the event log only for events it was not handed.
/// </summary>
public sealed class UserGrainHistories(IGrainFactory grains) : ILiveHistories, ILiveHistoryWriter
{
    public Task AppendAsync(string datasetGroupArn, string principal, LiveEvent[] events) =>
        Grain(datasetGroupArn, principal).AppendAsync(events);

    public Task ForgetAsync(string datasetGroupArn, string principal) => Grain(datasetGroupArn, principal).ForgetAsync();

    public ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence) =>
        Grain(datasetGroupArn, userId).ReadAsync(afterSequence);

    private IUserGrain Grain(string datasetGroupArn, string principal) =>
        grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, principal));
}
