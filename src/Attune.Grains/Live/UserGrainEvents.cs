using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>The live path of committed events: each principal's events go to its UserGrain, all principals at once.</summary>
public sealed class UserGrainEvents(IGrainFactory grains) : ILiveEvents
{
    public Task PublishAsync(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 1)
        {
            return grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, events[0].Principal)).AppendAsync([events[0].Event]);
        }
        return Task.WhenAll(events.GroupBy(e => e.Principal, StringComparer.Ordinal).Select(principal =>
            grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, principal.Key)).AppendAsync([.. principal.Select(e => e.Event)])));
    }
}
