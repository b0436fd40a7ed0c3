using Attune.Contracts.Events;
using Attune.Grains.Serving;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Live;

/// <summary>Where serving reads a user's live events: those committed after a served model's data.</summary>
public interface ILiveHistories
{
    ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence);
}

/// <summary>
/// Live events from the user's UserGrain (one grain call; the grain reads the put log only for events it was not handed). With
/// <see cref="ServingOptions.AllEventsLocal"/> (embedded mode) users this process never saw an event for are known to
/// have none, and the call is skipped.
/// </summary>
public sealed class UserGrainHistories(IGrainFactory grains, LocalLiveUsers localUsers, IOptions<ServingOptions> options) : ILiveHistories
{
    public ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence) =>
        options.Value.AllEventsLocal && !localUsers.Has(datasetGroupArn, userId)
            ? ValueTask.FromResult<LiveEvent[]>([])
            : grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, userId)).ReadAsync(afterSequence);
}
