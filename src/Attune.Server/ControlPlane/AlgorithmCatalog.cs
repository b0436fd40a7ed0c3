using System.Globalization;
using System.Text.Json.Nodes;
using Attune.Recipes.Catalog;
using Attune.Recipes.Training;

namespace Attune.Server.ControlPlane;

/// <summary>
/// DescribeAlgorithm's and DescribeFeatureTransformation's view of the recipe catalogue: every algorithmArn and
/// featureTransformationArn that DescribeRecipe shows, described from the recipe's own defaults and the values its
/// trainer accepts (<see cref="RecipeDefinition.Limits"/>), so a new catalogue entry is described without more code.
/// Featurization parameters (they shape the training data) belong to the feature transformation, the rest to the
/// algorithm; Attune reads both maps as one, so either may carry any of them.
/// </summary>
public static class AlgorithmCatalog
{
    /// <summary>Attune trains in process; the image names the model, the URI says there is no container.</summary>
    private const string ImageUri = "attune:in-process";

    public static JsonObject? DescribeAlgorithm(string algorithmArn, string accountId)
    {
        var recipe = RecipeCatalog.All.FirstOrDefault(r => r.AlgorithmArn == algorithmArn);
        if (recipe is null)
        {
            return null;
        }
        var definition = recipe.Definition;
        var tunable = definition.DefaultHpo?.Names.ToHashSet(StringComparer.Ordinal) ?? [];
        var algorithmLimits = definition.Limits.Where(l => !l.Featurization).ToList();
        return new JsonObject
        {
            ["name"] = algorithmArn[(algorithmArn.LastIndexOf('/') + 1)..],
            ["algorithmArn"] = algorithmArn,
            ["algorithmImage"] = new JsonObject { ["name"] = $"Attune {definition.ServedBy}", ["dockerURI"] = ImageUri },
            ["defaultHyperParameters"] = Parameters(definition, algorithmLimits),
            ["defaultHyperParameterRanges"] = new JsonObject
            {
                ["integerHyperParameterRanges"] = Ranges(algorithmLimits, HyperParameterKind.Integer, tunable),
                ["continuousHyperParameterRanges"] = Ranges(algorithmLimits, HyperParameterKind.Continuous, tunable),
                ["categoricalHyperParameterRanges"] = Ranges(algorithmLimits, HyperParameterKind.Categorical, tunable),
            },
            ["defaultResourceConfig"] = new JsonObject
            {
                // HPO's default job count (performHPO without hpoConfig); jobs run one after another.
                ["maxNumberOfTrainingJobs"] = new HpoSettings().MaxNumberOfTrainingJobs.ToString(CultureInfo.InvariantCulture),
                ["maxParallelTrainingJobs"] = "1",
            },
            ["trainingInputMode"] = "File",
            ["roleArn"] = $"arn:aws:iam::{accountId}:role/attune-in-process",
            ["creationDateTime"] = RecipeCatalog.PublishedAt,
            ["lastUpdatedDateTime"] = RecipeCatalog.PublishedAt,
        };
    }

    public static JsonObject? DescribeFeatureTransformation(string featureTransformationArn)
    {
        var recipes = RecipeCatalog.All.Where(r => r.FeatureTransformationArn == featureTransformationArn).ToList();
        if (recipes.Count == 0)
        {
            return null;
        }
        var parameters = new JsonObject();
        foreach (var recipe in recipes)
        {
            foreach (var (name, value) in Parameters(recipe.Definition, recipe.Definition.Limits.Where(l => l.Featurization)))
            {
                parameters[name] = value?.DeepClone();
            }
        }
        return new JsonObject
        {
            ["name"] = featureTransformationArn[(featureTransformationArn.LastIndexOf('/') + 1)..],
            ["featureTransformationArn"] = featureTransformationArn,
            ["defaultParameters"] = parameters,
            ["creationDateTime"] = RecipeCatalog.PublishedAt,
            ["lastUpdatedDateTime"] = RecipeCatalog.PublishedAt,
            ["status"] = "ACTIVE",
        };
    }

    private static JsonObject Parameters(RecipeDefinition definition, IEnumerable<HyperParameterLimit> limits)
    {
        var parameters = new JsonObject();
        foreach (var limit in limits)
        {
            if (definition.DefaultHyperParameters.TryGetValue(limit.Name, out var value))
            {
                parameters[limit.Name] = value;
            }
        }
        return parameters;
    }

    private static JsonArray Ranges(IEnumerable<HyperParameterLimit> limits, HyperParameterKind kind, HashSet<string> tunable)
    {
        var ranges = new JsonArray();
        foreach (var limit in limits.Where(l => l.Kind == kind))
        {
            var range = new JsonObject { ["name"] = limit.Name };
            if (kind == HyperParameterKind.Categorical)
            {
                range["values"] = new JsonArray([.. limit.Values!.Select(v => (JsonNode)v)]);
            }
            else
            {
                range["minValue"] = kind == HyperParameterKind.Integer ? (int)limit.MinValue : limit.MinValue;
                range["maxValue"] = kind == HyperParameterKind.Integer ? (int)limit.MaxValue : limit.MaxValue;
            }
            range["isTunable"] = tunable.Contains(limit.Name);
            ranges.Add(range);
        }
        return ranges;
    }
}
