using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>The same ranking for everyone (popularity-count, trending-now): a fixed score per item.</summary>
public sealed class PopularityModel : RecommendationModel
{
    public PopularityModel(float[] scores, EventWeighting events)
        : base(scores, events)
    {
    }

    public override ModelKind Kind => ModelKind.Popularity;

    protected override bool ScoreHistory(in UserHistory history, Span<float> scores) => false;

    protected internal override void WritePayload(BinaryWriter writer) => ArtifactIO.WriteArray(writer, Popularity);

    internal static PopularityModel Read(BinaryReader reader, EventWeighting events)
        => new(ArtifactIO.ReadArray<float>(reader), events);
}
