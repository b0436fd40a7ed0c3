using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>Per-request working memory sized to one model, pooled by <see cref="ServedModel"/> so requests allocate no catalogue-sized arrays.</summary>
internal sealed class RequestScratch(int itemCount)
{
    public int ItemCount => itemCount;

    public BitSet Allowed { get; } = new(itemCount);

    public BitSet PromotionAllowed { get; } = new(itemCount);
}
