namespace Attune.Filters.Tests;

/// <summary>Evaluation allocates a small constant per request, never per candidate, and membership tests allocate nothing.</summary>
public sealed class AllocationTests
{
    private const string Expression =
        "INCLUDE ItemID WHERE Items.GENRE IN ($G) AND Items.PRICE < 50 OR Items.GENRE NOT IN (\"g1\") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")";

    [Fact]
    public void Allocation_per_evaluation_does_not_grow_with_the_catalogue()
    {
        var small = BytesPerEvaluation(1_000);
        var large = BytesPerEvaluation(200_000);

        Assert.True(large <= small + 64, $"1,000 items: {small} B per evaluation; 200,000 items: {large} B");
        Assert.True(large < 1_024, $"{large} B per evaluation");
    }

    [Fact]
    public void Membership_tests_do_not_allocate()
    {
        var (bound, context, allowed) = Setup(50_000);
        bound.Evaluate(context.Context, allowed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var members = 0;
        for (var i = 0; i < allowed.Length; i++)
        {
            members += allowed.Contains(i) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(allowed.Count(), members);
    }

    private static long BytesPerEvaluation(int items)
    {
        const int rounds = 20;
        var (bound, context, allowed) = Setup(items);
        bound.Evaluate(context.Context, allowed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++)
        {
            bound.Evaluate(context.Context, allowed);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / rounds;
    }

    private static (BoundFilter Bound, ContextSource Context, BitSet Allowed) Setup(int items)
    {
        var random = new Random(7);
        var genres = Enumerable.Range(0, items).Select(i => $"g{i % 50}|g{random.Next(50)}").ToArray();
        var prices = Enumerable.Range(0, items).Select(_ => random.Next(5) == 0 ? double.NaN : random.Next(200)).ToArray();
        var table = new AttributeTable(items)
            .AddCategorical("GENRE", CategoricalColumn.FromValues(genres))
            .AddNumeric("PRICE", prices);
        var interactions = Enumerable.Range(0, 300).Select(i => new RecentInteraction(random.Next(items), i % 3 == 0 ? "view" : "click")).ToArray();
        var bound = FilterExpression.Parse(Expression).Bind(new Dictionary<string, string> { ["G"] = "\"g3\",\"g17\"" });
        return (bound, new ContextSource(table, interactions), new BitSet(items));
    }

    private sealed class ContextSource(AttributeTable table, RecentInteraction[] interactions)
    {
        public FilterContext Context => new(table) { Interactions = interactions };
    }
}
