namespace Attune.Grains.Serving;

/// <summary>
/// The explored items a request ranks: at most <see cref="ExplorationCandidates.PoolSize"/> of the young items, with
/// their novelty and the model items that stand for them. Immutable; a refresh replaces it whole, so a request reads
/// one pool and its <see cref="ScoredItems"/> and <see cref="Sources"/> always match.
/// </summary>
public sealed class ExplorationPool
{
    private ExplorationPool(int[] items, float[] novelty, int[] scoredItems, int[][] sources)
    {
        Items = items;
        Novelty = novelty;
        ScoredItems = scoredItems;
        Sources = sources;
    }

    public static ExplorationPool Empty { get; } = new([], [], [], []);

    /// <summary>Catalogue indices of the pooled items, ascending.</summary>
    public int[] Items { get; }

    /// <summary>Per pooled item: 1 / (1 + interactions + 0.1 × impressions).</summary>
    public float[] Novelty { get; }

    /// <summary>Model items whose raw scores the shards return with every request (the pooled items' stand-ins).</summary>
    public int[] ScoredItems { get; }

    /// <summary>Per pooled item: positions in <see cref="ScoredItems"/> whose mean is its raw score (itself, or its neighbours).</summary>
    public int[][] Sources { get; }

    public bool Contains(int item) => Array.BinarySearch(Items, item) >= 0;

    /// <summary>
    /// The pool of <paramref name="items"/> (catalogue indices, ascending) with their novelty; an item the model does not know
    /// is scored by its metadata neighbours.
    /// </summary>
    public static ExplorationPool Of(ServedCatalogue catalogue, int[] items, float[] novelty)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(items);
        var positions = new Dictionary<int, int>();
        var sources = new int[items.Length][];
        for (int slot = 0; slot < items.Length; slot++)
        {
            int item = items[slot];
            var standIns = item < catalogue.ModelItemCount ? [item] : catalogue.NewItemNeighbors[item - catalogue.ModelItemCount];
            sources[slot] = [.. standIns.Select(model => positions.TryGetValue(model, out var at) ? at : positions[model] = positions.Count)];
        }
        var scored = new int[positions.Count];
        foreach (var (model, at) in positions)
        {
            scored[at] = model;
        }
        return new ExplorationPool(items, novelty, scored, sources);
    }
}
