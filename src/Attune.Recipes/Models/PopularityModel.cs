using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>The same ranking for everyone (popularity-count, trending-now): a fixed score per item.</summary>
public sealed class PopularityModel : RecommendationModel
{
    public PopularityModel(ModelBasis basis)
        : base(basis)
    {
    }

    /// <summary>A slice or head: the same fixed scores, for the <paramref name="held"/> items.</summary>
    public PopularityModel(ModelBasis basis, HeldItems held)
        : base(basis)
    {
        Held = held;
    }

    public override ModelKind Kind => ModelKind.Popularity;

    /// <summary>
    /// Its model is its fixed score per item (the basis' popularity vector), counted for the items this instance
    /// holds, so slices add up to the vector once and a head (no items) counts none.
    /// </summary>
    public override long PayloadBytes => (long)Held.Length * sizeof(float);

    protected override bool ScoreHistory(in ModelHistory history, Span<float> scores) => false;

    /// <summary>Nothing beyond the basis: its fallback scores are the ranking.</summary>
    protected internal override void WritePayload(BinaryWriter writer)
    {
    }
}
