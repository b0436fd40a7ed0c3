using System.Text.Json;
using Attune.Recipes.Catalog;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>
/// The solutionConfig members whose meaning depends on the recipe (hyperparameters, HPO ranges) or that Attune does not
/// apply (optimizationObjective), checked when the solution is created so a mistake is an InvalidInputException now,
/// not a failed solution version later. The audit of every member is in src/Attune.Recipes/README.md.
/// </summary>
internal static class SolutionConfigCheck
{
    public static void Check(JsonElement config, RecipeDefinition? recipe, string path)
    {
        if (config.OptionalObject("optimizationObjective") is not null)
        {
            throw ApiErrors.InvalidInput($"{path}.optimizationObjective is not supported: Attune ranks by the predicted interaction alone. " +
                "Favour items by an attribute with a filter or with promotions at request time instead.");
        }
        if (recipe is null)
        {
            return;
        }
        foreach (var member in new[] { "algorithmHyperParameters", "featureTransformationParameters" })
        {
            if (config.OptionalObject(member) is { } map)
            {
                try
                {
                    recipe.CheckHyperParameters(map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty));
                }
                catch (ArgumentException error)
                {
                    throw ApiErrors.InvalidInput($"{path}.{member}: {error.Message}");
                }
            }
        }
        if (config.OptionalObject("hpoConfig")?.OptionalObject("algorithmHyperParameterRanges") is { } ranges)
        {
            CheckRanges(ranges, recipe, $"{path}.hpoConfig.algorithmHyperParameterRanges");
        }
    }

    /// <summary>HPO ranges name the recipe's hyperparameters and stay inside what its trainer accepts.</summary>
    private static void CheckRanges(JsonElement ranges, RecipeDefinition recipe, string path)
    {
        var limits = recipe.Limits.ToDictionary(l => l.Name, StringComparer.Ordinal);
        foreach (var kind in new[] { "integerHyperParameterRanges", "continuousHyperParameterRanges", "categoricalHyperParameterRanges" })
        {
            foreach (var range in ranges.OptionalArray(kind))
            {
                var name = HyperParameters.BaseName(range.OptionalString("name") ?? string.Empty);
                if (!limits.TryGetValue(name, out var limit) || limit.Kind == HyperParameterKind.Text)
                {
                    throw ApiErrors.InvalidInput($"{path}.{kind}: {recipe.Name} has no tunable hyperparameter {name}; " +
                        $"it tunes {string.Join(", ", limits.Values.Where(l => l.Kind != HyperParameterKind.Text).Select(l => l.Name))}.");
                }
                if (kind == "categoricalHyperParameterRanges")
                {
                    var outside = range.OptionalArray("values").Select(v => v.GetString()).FirstOrDefault(v => limit.Values?.Contains(v, StringComparer.OrdinalIgnoreCase) != true);
                    if (outside is not null)
                    {
                        throw ApiErrors.InvalidInput($"{path}: {name} cannot be '{outside}'; it is one of {string.Join(", ", limit.Values ?? [])}.");
                    }
                }
                else if (limit.Kind == HyperParameterKind.Categorical
                    || (range.TryGetProperty("minValue", out var min) && min.GetDouble() < limit.MinValue)
                    || (range.TryGetProperty("maxValue", out var max) && max.GetDouble() > limit.MaxValue))
                {
                    throw ApiErrors.InvalidInput(limit.Kind == HyperParameterKind.Categorical
                        ? $"{path}.{kind}: {name} takes the values {string.Join(", ", limit.Values!)}; give them as a categorical range."
                        : $"{path}.{kind}: the range of {name} must lie within [{limit.MinValue}, {limit.MaxValue}], the values its trainer accepts.");
                }
            }
        }
    }
}
