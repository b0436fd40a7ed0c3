using Attune.Contracts.Live;
using Attune.Grains.Live;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Serving;

/// <summary>
/// Items young enough to explore (created within explorationItemAgeCutOff days of the data's newest event), with a
/// novelty of 1 / (1 + interactions): rarely seen items get the larger bonus, as Personalize describes it.
/// A request does not rank them all, only the <see cref="Pool"/>: at most <see cref="PoolSize"/> of them, so its cost
/// does not grow with the number of young items (a new shop's whole catalogue is young). The pool holds the newest
/// items (a PutItems'd item is explored from the next request on) and a sample of the others weighted by novelty.
/// Every few seconds a request starts a refresh it does not wait for: it reads the live activity (ItemGrains) of the
/// pooled items and of the next slice of the young items, round robin, then redraws the pool, so every young item
/// takes its turn and the rarely seen ones more often, and a refresh's work is bounded as well.
/// </summary>
public sealed partial class ExplorationCandidates
{
    /// <summary>The most explored items a request ranks.</summary>
    public const int PoolSize = 100;

    /// <summary>Pool places kept for the newest young items, whatever their novelty.</summary>
    private const int NewestPlaces = 25;

    /// <summary>
    /// Young items a refresh reads the live activity of besides the pooled ones: every young item's activity is
    /// reread at least once in (young items / 250) refreshes (4 minutes for 12,000 at one refresh per 5 s), and a
    /// refresh costs at most a few hundred ItemGrain reads.
    /// </summary>
    private const int ReadsPerRefresh = 250;

    /// <summary>An impression without an interaction counts this much of one interaction.</summary>
    private const float ImpressionWeight = 0.1f;

    private readonly ServedCatalogue? _catalogue; // null only for None, which has no items
    private readonly int[] _trainedCounts;
    private readonly int[] _newest;
    private float[] _novelty;
    private ExplorationPool _pool = ExplorationPool.Empty;
    private int[] _pooledSlots = [];
    private int _nextRead;
    private long _refreshedAt = -1;
    private int _refreshing;

    private ExplorationCandidates(ServedCatalogue? catalogue, int[] items, int[] trainedCounts, int[] newest)
    {
        _catalogue = catalogue;
        Items = items;
        _trainedCounts = trainedCounts;
        _newest = newest;
        _novelty = [.. trainedCounts.Select(count => 1f / (1 + count))];
        if (items.Length > 0)
        {
            Redraw(_novelty, Random.Shared);
        }
    }

    public static ExplorationCandidates None { get; } = new(null, [], [], []);

    /// <summary>Every young item (catalogue indices, ascending).</summary>
    public int[] Items { get; }

    /// <summary>Per young item: 1 / (1 + interactions + 0.1 × impressions), training data and the live events read so far.</summary>
    public float[] Novelty => Volatile.Read(ref _novelty);

    /// <summary>The young items requests rank now.</summary>
    public ExplorationPool Pool => Volatile.Read(ref _pool);

    /// <summary>The young items of <paramref name="catalogue"/> and their first pool; once per catalogue, O(catalogue).</summary>
    public static ExplorationCandidates Create(ServedCatalogue catalogue, double cutOffDays)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        long oldest = catalogue.LatestTimestamp - (long)(cutOffDays * 86400);
        var items = Enumerable.Range(0, catalogue.Count).Where(i => catalogue.CreatedAt[i] >= oldest).ToArray();
        if (items.Length == 0)
        {
            return None;
        }
        // Newest first; among items created together, the later put (higher index).
        var newest = Enumerable.Range(0, items.Length)
            .OrderByDescending(slot => catalogue.CreatedAt[items[slot]]).ThenByDescending(slot => slot)
            .Take(NewestPlaces).ToArray();
        return new ExplorationCandidates(catalogue, items, [.. items.Select(i => catalogue.InteractionCounts[i])], newest);
    }

    /// <summary>
    /// Starts a refresh when the last one is older than <paramref name="interval"/> and none is running; requests go
    /// on with the pool they have meanwhile (these are statistics, not answers). A failed refresh is logged and
    /// tried again after the interval.
    /// </summary>
    public void Refresh(IItemActivitySource source, string datasetGroupArn, TimeSpan interval, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(logger);
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
                await RefreshAsync(source, datasetGroupArn);
            }
            catch (Exception error)
            {
                LogRefreshFailed(logger, datasetGroupArn, error);
            }
            finally
            {
                Volatile.Write(ref _refreshedAt, now);
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    /// <summary>One refresh at a time runs this (the <see cref="_refreshing"/> flag), so it owns the read cursor.</summary>
    private async Task RefreshAsync(IItemActivitySource source, string datasetGroupArn)
    {
        var slots = new HashSet<int>(_pooledSlots);
        for (int read = Math.Min(ReadsPerRefresh, Items.Length); read > 0; read--)
        {
            slots.Add(_nextRead);
            _nextRead = (_nextRead + 1) % Items.Length;
        }
        int[] reading = [.. slots];
        var activity = await source.ReadAsync(datasetGroupArn, [.. reading.Select(slot => _catalogue!.ItemIds[Items[slot]])]);
        var novelty = (float[])Novelty.Clone();
        for (int at = 0; at < reading.Length; at++)
        {
            novelty[reading[at]] = Novel(_trainedCounts[reading[at]], activity[at]);
        }
        Volatile.Write(ref _novelty, novelty);
        Redraw(novelty, Random.Shared);
    }

    /// <summary>
    /// The newest items, then a sample of the others weighted by novelty (Efraimidis–Spirakis: each item draws the key
    /// ln(u) / novelty, the largest keys win), O(young items × log <see cref="PoolSize"/>).
    /// </summary>
    private void Redraw(float[] novelty, Random random)
    {
        var chosen = new HashSet<int>(_newest);
        int wanted = Math.Min(PoolSize, Items.Length) - chosen.Count;
        var sample = new PriorityQueue<int, double>(wanted + 1);
        for (int slot = 0; slot < Items.Length && wanted > 0; slot++)
        {
            if (chosen.Contains(slot))
            {
                continue;
            }
            double key = Math.Log(1 - random.NextDouble()) / novelty[slot];
            if (sample.Count < wanted)
            {
                sample.Enqueue(slot, key);
            }
            else if (sample.TryPeek(out _, out var least) && key > least)
            {
                sample.EnqueueDequeue(slot, key);
            }
        }
        chosen.UnionWith(sample.UnorderedItems.Select(entry => entry.Element));
        int[] slots = [.. chosen.Order()];
        _pooledSlots = slots;
        Volatile.Write(ref _pool, ExplorationPool.Of(_catalogue!, [.. slots.Select(slot => Items[slot])], [.. slots.Select(slot => novelty[slot])]));
    }

    private static float Novel(int trained, LiveItemActivity live) => 1f / (1 + trained + live.Interactions + (ImpressionWeight * live.Impressions));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the exploration pool of {DatasetGroupArn} failed; requests keep the last pool")]
    private static partial void LogRefreshFailed(ILogger logger, string datasetGroupArn, Exception error);
}
