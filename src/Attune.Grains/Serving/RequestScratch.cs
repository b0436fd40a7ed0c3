using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>Per-request working memory sized to one model, pooled by <see cref="ServedModel"/> so requests allocate no catalogue-sized arrays.</summary>
internal sealed class RequestScratch(int itemCount)
{
    private float[]? _scores;

    public int ItemCount => itemCount;

    /// <summary>Scores of every item, allocated on first use: only rankings score here (recommendations score on the shards).</summary>
    public float[] Scores => _scores ??= new float[itemCount];

    public BitSet Allowed { get; } = new(itemCount);

    public BitSet PromotionAllowed { get; } = new(itemCount);
}
