using Orleans.Concurrency;

namespace Attune.Contracts.Serving.Shards;

/// <summary>
/// Shard i of S of a solution version's model (key <c>&lt;solutionVersionArn&gt;|i|S</c>): holds the model's slice for
/// items [i·n/S, (i+1)·n/S), scores and selects among them, keeps its users' scores for that range, explains its items
/// and hands out their vectors.
/// </summary>
[Alias("attune.IModelShardGrain")]
public interface IModelShardGrain : IGrainWithStringKey
{
    [Alias("Select"), ReadOnly]
    Task<ShardSelection> SelectAsync(ShardQuery query);

    [Alias("Contributors"), ReadOnly]
    Task<int[]> ContributorsAsync(ContributorQuery query);

    [Alias("Vectors"), ReadOnly]
    Task<float[]> VectorsAsync(int[] items);
}

/// <summary>Builds and reads ModelShardGrain keys.</summary>
public static class ModelShardKey
{
    public static string For(string solutionVersionArn, int index, int count) => $"{solutionVersionArn}|{index}|{count}";

    public static (string SolutionVersionArn, int Index, int Count) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('|');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
