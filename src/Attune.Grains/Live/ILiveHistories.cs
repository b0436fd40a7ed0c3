using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>Where serving reads a user's live events: those committed after a served model's data.</summary>
public interface ILiveHistories
{
    ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence);
}

/// <summary>Live events from the user's UserGrain (one grain call; the grain rebuilds from the store when it activates).</summary>
public sealed class UserGrainHistories(IGrainFactory grains) : ILiveHistories
{
    public ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence) =>
        grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, userId)).ReadAsync(afterSequence);
}
