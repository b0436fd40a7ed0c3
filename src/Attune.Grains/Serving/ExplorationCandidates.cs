using Attune.Contracts.Events;
using Attune.Filters;
using Attune.Grains.Live;

namespace Attune.Grains.Serving;

/// <summary>
/// Items young enough to explore (created within explorationItemAgeCutOff days of the data's newest event), with a
/// novelty of 1 / (1 + interactions): rarely seen items get the larger bonus, as Personalize describes it. Items the
/// model does not know are scored by their metadata neighbours, so this also lists the model items whose scores the
/// shards must return (<see cref="ScoredItems"/>) and, per explored item, which of them stand for it. Live events
/// lower novelty: every few seconds the items' ItemGrains are asked how often they were interacted with and shown.
/// </summary>
public sealed class ExplorationCandidates
{
    /// <summary>An impression without an interaction counts this much of one interaction.</summary>
    private const float ImpressionWeight = 0.1f;

    private readonly int[] _trainedCounts;
    private float[] _novelty;
    private long _refreshedAt = -1;
    private int _refreshing;

    private ExplorationCandidates(int[] items, int[] trainedCounts, BitSet? mask, int[] scoredItems, int[][] sources)
    {
        Items = items;
        _trainedCounts = trainedCounts;
        _novelty = [.. trainedCounts.Select(count => 1f / (1 + count))];
        Mask = mask;
        ScoredItems = scoredItems;
        Sources = sources;
    }

    public static ExplorationCandidates None { get; } = new([], [], null, [], []);

    public int[] Items { get; }

    /// <summary>1 / (1 + interactions + 0.1 × impressions) per explored item, training data and live events together.</summary>
    public float[] Novelty => Volatile.Read(ref _novelty);

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
        return new ExplorationCandidates(items, [.. items.Select(i => catalogue.InteractionCounts[i])], mask, scored, sources);
    }

    /// <summary>
    /// Starts reading the explored items' live activity when the last read is older than <paramref name="interval"/>;
    /// requests go on with the novelty they have meanwhile (these are statistics, not answers).
    /// </summary>
    public void RefreshLiveActivity(IItemActivitySource source, string datasetGroupArn, ServedCatalogue catalogue, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalogue);
        long now = Environment.TickCount64;
        long refreshedAt = Volatile.Read(ref _refreshedAt);
        if (Items.Length == 0 || (refreshedAt >= 0 && now - refreshedAt < interval.TotalMilliseconds)
            || Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                var activity = await source.ReadAsync(datasetGroupArn, [.. Items.Select(i => catalogue.ItemIds[i])]);
                Volatile.Write(ref _novelty, [.. activity.Select((live, slot) => Novel(_trainedCounts[slot], live))]);
            }
            finally
            {
                Volatile.Write(ref _refreshedAt, now);
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    private static float Novel(int trained, LiveItemActivity live) => 1f / (1 + trained + live.Interactions + (ImpressionWeight * live.Impressions));
}
