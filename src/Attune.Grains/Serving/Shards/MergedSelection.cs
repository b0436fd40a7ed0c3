using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;

namespace Attune.Grains.Serving.Shards;

/// <summary>The shards' answers combined: one basis, the catalogue-wide softmax normalizer and maximum, merged top lists.</summary>
internal sealed class MergedSelection
{
    private readonly ShardSelection[] _shards;
    private Dictionary<int, (int First, int Second)>? _contributors;

    public MergedSelection(ShardSelection[] shards)
    {
        _shards = shards;
        Basis = shards.Length == 0 ? ScoreBasis.Popular : shards[0].Basis;

        Max = shards.Length == 0 ? 0 : shards.Max(s => s.Max);
        LogNormalizer = Softmax.Combine([.. shards.Select(s => s.Max)], [.. shards.Select(s => s.SumExp)]);
    }

    public ScoreBasis Basis { get; }

    /// <summary>The highest raw score in the catalogue.</summary>
    public float Max { get; }

    public float LogNormalizer { get; }

    /// <summary>Every shard's main selection, best first (score descending, ties to the lower index).</summary>
    public List<(int Item, float Score)> Main() => Merge(s => s.Main, s => s.MainScores);

    public List<(int Item, float Score)> Promoted() => Merge(s => s.Promoted, s => s.PromotedScores);

    /// <summary>The two history items behind a main item that came with the selection (<see cref="ShardQuery.ExplainPerItem"/> 2), if it did.</summary>
    public bool TryGetContributors(int item, out (int First, int Second) contributors) =>
        (_contributors ??= IndexContributors()).TryGetValue(item, out contributors);

    /// <summary>The raw score of <see cref="ShardQuery.ScoredItems"/>[<paramref name="position"/>], from the shard that holds it.</summary>
    public float ScoredItem(int position)
    {
        foreach (var shard in _shards)
        {
            if (!float.IsNaN(shard.ScoredItemScores[position]))
            {
                return shard.ScoredItemScores[position];
            }
        }
        return float.NaN;
    }

    public static int Compare((int Item, float Score) a, (int Item, float Score) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Item.CompareTo(b.Item);

    /// <summary>Built on the first explanation asked for, so requests explained from the user's cache allocate nothing.</summary>
    private Dictionary<int, (int First, int Second)> IndexContributors()
    {
        var index = new Dictionary<int, (int First, int Second)>();
        foreach (var shard in _shards.Where(s => s.MainContributors.Length == s.Main.Length * 2))
        {
            for (int at = 0; at < shard.Main.Length; at++)
            {
                index[shard.Main[at]] = (shard.MainContributors[at * 2], shard.MainContributors[(at * 2) + 1]);
            }
        }
        return index;
    }

    private List<(int Item, float Score)> Merge(Func<ShardSelection, int[]> items, Func<ShardSelection, float[]> scores)
    {
        var merged = new List<(int Item, float Score)>(_shards.Sum(s => items(s).Length));
        foreach (var shard in _shards)
        {
            var shardItems = items(shard);
            var shardScores = scores(shard);
            for (int i = 0; i < shardItems.Length; i++)
            {
                merged.Add((shardItems[i], shardScores[i]));
            }
        }
        merged.Sort(Compare);
        return merged;
    }
}
