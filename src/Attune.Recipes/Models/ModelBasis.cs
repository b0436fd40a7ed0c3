using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// What every model carries: the item ids of its index (so the artifact maps ids on its own), the popularity
/// fallback scores, and the event weighting that request-time histories get.
/// </summary>
public sealed record ModelBasis(string[] ItemIds, float[] Popularity, EventWeighting Events)
{
    internal void Write(BinaryWriter writer)
    {
        ArtifactIO.WriteStrings(writer, ItemIds);
        ArtifactIO.WriteArray(writer, Popularity);
        Events.Write(writer);
    }

    /// <summary>Reads a basis; without <paramref name="keepItemIds"/> the ids are skipped (a shard's slice scores by index only).</summary>
    internal static ModelBasis Read(BinaryReader reader, bool keepItemIds = true)
        => new(ArtifactIO.ReadStrings(reader, keepItemIds), ArtifactIO.ReadArray<float>(reader), EventWeighting.Read(reader));
}
