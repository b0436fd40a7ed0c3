using Attune.Recipes.Models;
using Attune.Storage.Artifacts;

namespace Attune.Grains.Serving.Shards;

/// <summary>Reads shard <c>index</c> of <c>count</c>'s slice of a model from its artifact: the range's part only, without item ids.</summary>
public static class ModelSlices
{
    public static RecommendationModel Read(IModelArtifacts artifacts, string solutionVersionArn, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        using var stream = artifacts.OpenModel(solutionVersionArn);
        return ModelSerializer.Read(stream, itemCount =>
        {
            var range = new ShardRange(index, count, itemCount);
            return new HeldItems(range.Start, range.End);
        }, keepItemIds: false);
    }
}
