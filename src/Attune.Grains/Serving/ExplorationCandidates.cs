using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>
/// Items young enough to explore (created within explorationItemAgeCutOff days of the data's newest event), with a
/// novelty of 1 / (1 + interactions): rarely seen items get the larger bonus, as Personalize describes it. Items the
/// model does not know are scored by their metadata neighbours, so this also lists the model items whose scores the
/// shards must return (<see cref="ScoredItems"/>) and, per explored item, which of them stand for it.
/// </summary>
public sealed class ExplorationCandidates
{
    private ExplorationCandidates(int[] items, float[] novelty, BitSet? mask, int[] scoredItems, int[][] sources)
    {
        Items = items;
        Novelty = novelty;
        Mask = mask;
        ScoredItems = scoredItems;
        Sources = sources;
    }

    public static ExplorationCandidates None { get; } = new([], [], null, [], []);

    public int[] Items { get; }

    public float[] Novelty { get; }

    /// <summary>The explored items as a set (shards leave them out of their main selection); null when none.</summary>
    public BitSet? Mask { get; }

    /// <summary>Model items whose raw scores the shards return with every request.</summary>
    public int[] ScoredItems { get; }

    /// <summary>Per explored item: positions in <see cref="ScoredItems"/> whose mean is its raw score (itself, or its neighbours).</summary>
    public int[][] Sources { get; }

    public static ExplorationCandidates Create(ServedCatalogue catalogue, double cutOffDays)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        long oldest = catalogue.LatestTimestamp - (long)(cutOffDays * 86400);
        var items = Enumerable.Range(0, catalogue.Count).Where(i => catalogue.CreatedAt[i] >= oldest).ToArray();
        if (items.Length == 0)
        {
            return None;
        }
        var mask = new BitSet(catalogue.Count);
        var positions = new Dictionary<int, int>();
        var sources = new int[items.Length][];
        for (int slot = 0; slot < items.Length; slot++)
        {
            int item = items[slot];
            mask.Add(item);
            var standIns = item < catalogue.ModelItemCount ? [item] : catalogue.NewItemNeighbors[item - catalogue.ModelItemCount];
            sources[slot] = [.. standIns.Select(model => positions.TryGetValue(model, out var at) ? at : positions[model] = positions.Count)];
        }
        var scored = new int[positions.Count];
        foreach (var (model, at) in positions)
        {
            scored[at] = model;
        }
        var novelty = items.Select(i => 1f / (1 + catalogue.InteractionCounts[i])).ToArray();
        return new ExplorationCandidates(items, novelty, mask, scored, sources);
    }
}
