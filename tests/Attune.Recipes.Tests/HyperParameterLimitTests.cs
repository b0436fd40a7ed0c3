using System.Globalization;
using Attune.Recipes.Actions;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;

namespace Attune.Recipes.Tests;

/// <summary>
/// The limits DescribeAlgorithm publishes are the trainers' own: every default has a limit and lies inside it, and a
/// value just outside a limit is refused by the trainer with an error naming the parameter.
/// </summary>
public sealed class HyperParameterLimitTests
{
    public static TheoryData<string> Recipes => [.. RecipeCatalog.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Every_default_has_a_limit_and_lies_inside_it(string recipe)
    {
        var definition = RecipeCatalog.Find(recipe)!;
        var limits = definition.Limits.ToDictionary(l => l.Name, StringComparer.Ordinal);
        foreach (var (name, value) in definition.DefaultHyperParameters)
        {
            Assert.True(limits.TryGetValue(name, out var limit), $"{recipe}: {name} has no limit");
            switch (limit.Kind)
            {
                case HyperParameterKind.Integer or HyperParameterKind.Continuous:
                    Assert.InRange(double.Parse(value, CultureInfo.InvariantCulture), limit.MinValue, limit.MaxValue);
                    break;
                case HyperParameterKind.Categorical:
                    Assert.Contains(value, limit.Values!);
                    break;
            }
        }
        Assert.All(definition.Limits, l => Assert.True(definition.DefaultHyperParameters.ContainsKey(l.Name), $"{recipe}: {l.Name} has no default"));
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void A_value_outside_a_limit_is_refused_by_the_trainer(string recipe)
    {
        var definition = RecipeCatalog.Find(recipe)!;
        var data = TestData.Clusters(clusters: 2, usersPerCluster: 4, itemsPerCluster: 4).Build();
        foreach (var limit in definition.Limits.Where(l => l.Kind != HyperParameterKind.Text))
        {
            foreach (var outside in Outside(limit))
            {
                var hyperParameters = definition.HyperParameters(new Dictionary<string, string> { [limit.Name] = outside });
                var error = Assert.Throws<ArgumentException>(() => Train(definition, data, hyperParameters));
                Assert.Equal(limit.Name, error.ParamName);
            }
        }
    }

    /// <summary>aws-next-best-action trains on action data through its own solution; the item recipes through their trainer.</summary>
    private static void Train(RecipeDefinition definition, InteractionData data, HyperParameters hyperParameters)
    {
        if (definition.Type == RecipeType.PersonalizedActions)
        {
            NextBestActionSolution.Train(data, ActionCatalog.Bare([]), hyperParameters, cancellationToken: TestContext.Current.CancellationToken);
            return;
        }
        definition.Train(data, EventSettings.Default, hyperParameters, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static IEnumerable<string> Outside(HyperParameterLimit limit) => limit.Kind switch
    {
        HyperParameterKind.Integer => [(limit.MinValue - 1).ToString(CultureInfo.InvariantCulture), (limit.MaxValue + 1).ToString(CultureInfo.InvariantCulture)],
        HyperParameterKind.Continuous => [(limit.MinValue - 0.5).ToString(CultureInfo.InvariantCulture), (limit.MaxValue * 2 + 1).ToString(CultureInfo.InvariantCulture)],
        _ => ["not-a-listed-value"],
    };
}
