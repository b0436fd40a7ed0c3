using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>Per-request working memory sized to one model, pooled by <see cref="ServedModel"/> so requests allocate no score arrays.</summary>
internal sealed class RequestScratch(int itemCount)
{
    private int[] _shardTop = [];
    private float[] _bonuses = [];

    /// <summary>Scores as ranked (raw plus exploration bonus).</summary>
    public float[] Scores { get; } = new float[itemCount];

    public BitSet Allowed { get; } = new(itemCount);

    public BitSet PromotionAllowed { get; } = new(itemCount);

    /// <summary>Items no selection may return (the query item, items already promoted); emptied after each request.</summary>
    public BitSet Excluded { get; } = new(itemCount);

    public int[] ShardTop(int size) => _shardTop.Length >= size ? _shardTop : _shardTop = new int[size];

    public float[] Bonuses(int size)
    {
        if (_bonuses.Length < size)
        {
            _bonuses = new float[size];
        }
        _bonuses.AsSpan(0, size).Clear();
        return _bonuses;
    }
}
