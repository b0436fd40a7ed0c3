using System.Collections.Concurrent;
using Attune.Recipes.Catalog;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving;

/// <summary>
/// One loaded solution version with everything a request needs, built once and shared by every campaign of this
/// process that serves the version: the model, id lookups, the popularity order, item and user metadata, the
/// users' histories and the item ages that exploration uses.
/// </summary>
public sealed class ServedModel
{
    private readonly ConcurrentBag<RequestScratch> _scratch = [];

    public ServedModel(string solutionVersionArn, RecommendationModel model, RecipeDefinition recipe, ServedData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        SolutionVersionArn = solutionVersionArn;
        Model = model;
        Recipe = recipe;
        Data = data;
        ItemIndex = new Dictionary<string, int>(model.ItemCount, StringComparer.Ordinal);
        for (int item = 0; item < model.ItemCount; item++)
        {
            ItemIndex.TryAdd(model.ItemIds[item], item);
        }
        PopularOrder = [.. Enumerable.Range(0, model.ItemCount).OrderByDescending(i => model.Popularity[i]).ThenBy(i => i)];
        PopularityShareTotal = model.Popularity.Sum(p => 1 + Math.Max(0, (double)p));
    }

    public string SolutionVersionArn { get; }

    public RecommendationModel Model { get; }

    public RecipeDefinition Recipe { get; }

    public ServedData Data { get; }

    public int ItemCount => Model.ItemCount;

    public Dictionary<string, int> ItemIndex { get; }

    /// <summary>Item indices by popularity, most popular first (ties to the lower index).</summary>
    public int[] PopularOrder { get; }

    /// <summary>Σ (1 + popularity): a cold user's score for item i is (1 + popularity_i) / this.</summary>
    public double PopularityShareTotal { get; }

    /// <summary>True for trending-now, whose popularity scores are growth, not counts.</summary>
    public bool IsTrending => Recipe.Name.Contains("trending", StringComparison.Ordinal);

    internal RequestScratch RentScratch() => _scratch.TryTake(out var scratch) ? scratch : new RequestScratch(ItemCount);

    internal void ReturnScratch(RequestScratch scratch) => _scratch.Add(scratch);
}
