using System.Diagnostics;
using System.Globalization;
using Attune.Filters;

namespace Attune.Bench.InProcess;

/// <summary>
/// One Interactions filter evaluation (EXCLUDE rated items) over a heavy user's history, in the Filters library
/// alone: the whole history against Personalize's newest-100 window, which still walks the whole history (it counts
/// per type), with the event types as the stored history holds them (one shared string per type) and as live
/// events bring them (a string per event).
/// </summary>
internal static class FilterWindowProbe
{
    public static IEnumerable<string> Run(int historyLength, int items, int evaluations)
    {
        var filter = FilterExpression.Parse("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rating\")").Bind(null);
        var table = new AttributeTable(items);
        var allowed = new BitSet(items);
        string[] types = ["view", "rating", "purchase"];
        var random = new Random(7);
        var shared = new RecentInteraction[historyLength];
        var perEvent = new RecentInteraction[historyLength];
        for (int i = 0; i < historyLength; i++)
        {
            var type = types[random.Next(types.Length)];
            int item = random.Next(items);
            shared[i] = new RecentInteraction(item, type);
            perEvent[i] = new RecentInteraction(item, new string(type.AsSpan()));
        }
        foreach (var (name, history, window) in new (string, RecentInteraction[], int?)[]
        {
            ("whole history, shared type strings", shared, null),
            ("newest 100 per type, shared type strings", shared, FilterContext.PersonalizeInteractionsPerEventType),
            ("whole history, one string per event", perEvent, null),
        })
        {
            double microseconds = Measure(filter, table, allowed, history, window, evaluations);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {historyLength:N0} | {items:N0} | {microseconds:F1} |");
            Console.WriteLine(line);
            yield return line;
        }
    }

    private static double Measure(BoundFilter filter, AttributeTable table, BitSet allowed, RecentInteraction[] history, int? window, int evaluations)
    {
        for (int i = 0; i < 200; i++)
        {
            Evaluate(filter, table, allowed, history, window);
        }
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < evaluations; i++)
        {
            Evaluate(filter, table, allowed, history, window);
        }
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / evaluations;
    }

    private static void Evaluate(BoundFilter filter, AttributeTable table, BitSet allowed, RecentInteraction[] history, int? window) =>
        filter.Evaluate(new FilterContext(table) { Interactions = history, InteractionsPerEventType = window }, allowed);
}
