using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>
/// The live path of committed events: each principal's events go to its UserGrain (awaited, so the next request
/// sees them), and each item's interactions and impressions to its ItemGrain through the silo's
/// <see cref="ItemActivityBuffer"/> (exploration statistics, delivered in bulk).
/// </summary>
public sealed class GrainLiveEvents(IGrainFactory grains, ItemActivityBuffer items, LocalLiveUsers localUsers) : ILiveEvents
{
    public Task PublishAsync(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, IReadOnlyList<string> impressions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(impressions);
        RecordItems(datasetGroupArn, events, impressions);
        foreach (var (principal, _) in events)
        {
            localUsers.Saw(datasetGroupArn, principal);
        }
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }
        if (events.Count == 1)
        {
            return grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, events[0].Principal)).AppendAsync([events[0].Event]);
        }
        return Task.WhenAll(events.GroupBy(e => e.Principal, StringComparer.Ordinal).Select(principal =>
            grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, principal.Key)).AppendAsync([.. principal.Select(e => e.Event)])));
    }

    private void RecordItems(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, IReadOnlyList<string> impressions)
    {
        foreach (var (_, live) in events)
        {
            items.Record(datasetGroupArn, live.ItemId, 1, 0);
        }
        foreach (var item in impressions)
        {
            items.Record(datasetGroupArn, item, 0, 1);
        }
    }
}
