using Attune.Contracts.Live;
using Attune.Filters;
using Attune.Recipes.Data;

namespace Attune.Grains.Serving;

/// <summary>
/// A user's history as a request sees it: the events the served model was built with, then the live events
/// committed since (in the catalogue's item and the model's event-type indices; items past the model's, and unknown
/// ones (-1), are skipped by models but seen by Interactions filters). Without live events it is the served arrays themselves, no copy.
/// </summary>
internal readonly struct RequestHistory
{
    private RequestHistory(ModelHistory history, ReadOnlyMemory<RecentInteraction> newestFirst)
    {
        History = history;
        NewestFirst = newestFirst;
    }

    public ModelHistory History { get; }

    /// <summary>The same events newest first, as Interactions filters read them.</summary>
    public ReadOnlyMemory<RecentInteraction> NewestFirst { get; }

    public static RequestHistory Of(ServedModel served, ServedCatalogue catalogue, string? userId, IReadOnlyList<LiveEvent> live)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(live);
        served.Data.Histories.TryGet(userId, out var stored, out var storedNewestFirst);
        if (live.Count == 0)
        {
            return new RequestHistory(stored, storedNewestFirst);
        }
        int total = stored.Length + live.Count;
        var items = new int[total];
        var timestamps = new long[total];
        var eventTypes = new int[total];
        var eventValues = new float[total];
        var newestFirst = new RecentInteraction[total];
        stored.Items.Span.CopyTo(items);
        stored.Timestamps.Span.CopyTo(timestamps);
        CopyOrFill(stored.EventTypes.Span, eventTypes, stored.Length, -1);
        CopyOrFill(stored.EventValues.Span, eventValues, stored.Length, float.NaN);
        storedNewestFirst.Span.CopyTo(newestFirst.AsSpan(live.Count));
        var eventTypeNames = served.Model.Events.EventTypeNames;
        for (int i = 0; i < live.Count; i++)
        {
            var e = live[i];
            int at = stored.Length + i;
            items[at] = catalogue.ItemIndex.TryGetValue(e.ItemId, out var item) ? item : -1;
            timestamps[at] = e.Timestamp;
            eventTypes[at] = IndexOf(eventTypeNames, e.EventType);
            eventValues[at] = e.EventValue;
            newestFirst[live.Count - 1 - i] = new RecentInteraction(items[at], e.EventType);
        }
        return new RequestHistory(new ModelHistory(items, timestamps, eventTypes, eventValues), newestFirst);
    }

    private static void CopyOrFill<T>(ReadOnlySpan<T> source, Span<T> destination, int length, T missing)
    {
        if (source.Length >= length)
        {
            source[..length].CopyTo(destination);
        }
        else
        {
            destination[..length].Fill(missing);
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
