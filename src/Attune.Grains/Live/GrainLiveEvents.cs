using Attune.Contracts.Events;
using Attune.Grains.Serving;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Live;

/// <summary>
/// The live path of committed events: each principal's events go to its UserGrain (awaited, so the next request
/// sees them), and each item's interactions and impressions to its ItemGrain through the silo's
/// <see cref="ItemActivityBuffer"/> (exploration statistics, delivered in bulk). In embedded mode
/// (<see cref="ServingOptions.AllEventsLocal"/>) a principal's first delivery since the process started tells its grain
/// that it misses nothing, so it never reads the put log.
/// </summary>
public sealed class GrainLiveEvents(IGrainFactory grains, ItemActivityBuffer items, LocalLiveUsers localUsers, IOptions<ServingOptions> options)
    : ILiveEvents
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
            return Append(datasetGroupArn, events[0].Principal, [events[0].Event]);
        }
        return Task.WhenAll(events.GroupBy(e => e.Principal, StringComparer.Ordinal).Select(principal =>
            Append(datasetGroupArn, principal.Key, [.. principal.Select(e => e.Event)])));
    }

    private Task Append(string datasetGroupArn, string principal, LiveEvent[] events)
    {
        var firstDelivery = localUsers.Saw(datasetGroupArn, principal) && options.Value.AllEventsLocal;
        return grains.GetGrain<IUserGrain>(UserGrainKey.For(datasetGroupArn, principal)).AppendAsync(events, firstDelivery);
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
