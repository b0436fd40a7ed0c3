using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>
/// The live path of committed events: each principal's events go to its UserGrain (awaited, so the next request
/// sees them), and each item's interactions and impressions to its ItemGrain (one-way: exploration statistics).
/// </summary>
public sealed class GrainLiveEvents(IGrainFactory grains) : ILiveEvents
{
    public Task PublishAsync(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        RecordItems(datasetGroupArn, events);
        if (events.Count == 1)
        {
            return grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, events[0].Principal)).AppendAsync([events[0].Event]);
        }
        return Task.WhenAll(events.GroupBy(e => e.Principal, StringComparer.Ordinal).Select(principal =>
            grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, principal.Key)).AppendAsync([.. principal.Select(e => e.Event)])));
    }

    private void RecordItems(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events)
    {
        var counts = new Dictionary<string, (int Interactions, int Impressions)>(StringComparer.Ordinal);
        foreach (var (_, live) in events)
        {
            if (live.ItemId.Length > 0)
            {
                var (interactions, impressions) = counts.GetValueOrDefault(live.ItemId);
                counts[live.ItemId] = (interactions + 1, impressions);
            }
            foreach (var shown in live.Impressions)
            {
                var (shownInteractions, shownImpressions) = counts.GetValueOrDefault(shown);
                counts[shown] = (shownInteractions, shownImpressions + 1);
            }
        }
        foreach (var (item, (interactions, impressions)) in counts)
        {
            _ = grains.GetGrain<IItemGrain>(ItemGrainKey.For(datasetGroupArn, item)).RecordAsync(interactions, impressions);
        }
    }
}
