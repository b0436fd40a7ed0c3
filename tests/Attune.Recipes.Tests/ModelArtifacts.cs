using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

/// <summary>A model through its artifact bytes, whole or as a slice, and the vectors slices hand out: the tests' view of serving.</summary>
internal static class ModelArtifacts
{
    public static byte[] Write(RecommendationModel model)
    {
        using var stream = new MemoryStream();
        ModelSerializer.Write(model, stream);
        return stream.ToArray();
    }

    public static RecommendationModel Read(byte[] artifact, Func<int, HeldItems> hold, bool keepItemIds)
    {
        using var stream = new MemoryStream(artifact);
        return ModelSerializer.Read(stream, hold, keepItemIds);
    }

    /// <summary>The item's vector from whichever slice holds it (empty when none does), as a head gathers it.</summary>
    public static ReadOnlySpan<float> Gather(RecommendationModel[] slices, int item, int size)
    {
        var vector = new float[size];
        return slices.Any(s => s.TryCopyVector(item, vector)) ? vector : [];
    }
}
