using Attune.Contracts.Events;

namespace Attune.Grains.Live;

/// <summary>
/// The live path of committed events: each principal's events go to its UserGrain (awaited, so the next request
/// sees them), and each item's interactions and impressions to its ItemGrain (one-way: exploration statistics).
/// </summary>
public sealed class GrainLiveEvents(IGrainFactory grains) : ILiveEvents
{
    public Task PublishAsync(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, IReadOnlyList<string> impressions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(impressions);
        RecordItems(datasetGroupArn, events, impressions);
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
        var counts = new Dictionary<string, (int Interactions, int Impressions)>(StringComparer.Ordinal);
        foreach (var (_, live) in events)
        {
            var (interactions, shown) = counts.GetValueOrDefault(live.ItemId);
            counts[live.ItemId] = (interactions + 1, shown);
        }
        foreach (var item in impressions)
        {
            var (interactions, shown) = counts.GetValueOrDefault(item);
            counts[item] = (interactions, shown + 1);
        }
        foreach (var (item, (interactions, shown)) in counts)
        {
            _ = grains.GetGrain<IItemGrain>(ItemGrainKey.For(datasetGroupArn, item)).RecordAsync(interactions, shown);
        }
    }
}
