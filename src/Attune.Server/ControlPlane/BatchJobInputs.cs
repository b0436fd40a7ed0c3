using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Recipes.Catalog;
using Attune.Server.Wire;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using BuiltInRecipes = Attune.Recipes.Catalog.RecipeCatalog;

namespace Attune.Server.ControlPlane;

/// <summary>What batch inference and batch segment jobs validate alike: the version and its recipe, locations, numResults.</summary>
internal static class BatchJobInputs
{
    /// <summary>The most items (or users) per input line Attune answers, GetRecommendations' maximum.</summary>
    public const int MaxNumResults = 500;

    /// <summary>The ACTIVE solution version and the recipe it was trained with.</summary>
    public static async Task<(ResourceRecord Version, RecipeDefinition Recipe)> VersionAsync(
        Resources resources, JsonElement input, CallContext context)
    {
        var version = await resources.GetActiveAsync(input.RequiredString("solutionVersionArn"), ResourceKinds.SolutionVersion, context);
        var record = DescribeBody.Read<SolutionVersionRecord>(version.Body);
        var solution = await resources.GetAsync(record.SolutionArn, ResourceKinds.Solution, context);
        var solutionRecord = DescribeBody.Read<SolutionRecord>(solution.Body);
        var recipeArn = solutionRecord.AutoMlResult?.BestRecipeArn ?? record.RecipeArn ?? solutionRecord.RecipeArn;
        var recipe = (recipeArn is null ? null : BuiltInRecipes.Find(recipeArn))
            ?? throw ApiErrors.InvalidInput($"The solution version {version.Arn} names no recipe Attune serves.");
        return (version, recipe);
    }

    /// <summary>jobInput.s3DataSource.path and jobOutput.s3DataDestination.path, checked as the object store reads and writes them.</summary>
    public static (BatchJobInput Input, JobOutput Output) Locations(JsonElement input, IObjectStore objects)
    {
        var source = Config(input, "jobInput", "s3DataSource");
        var destination = Config(input, "jobOutput", "s3DataDestination");
        if (!destination.Path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiErrors.InvalidInput($"jobOutput.s3DataDestination.path {destination.Path} must be an s3:// location.");
        }
        Check(objects, source.Path, "jobInput.s3DataSource.path");
        Check(objects, destination.Path, "jobOutput.s3DataDestination.path");
        return (new BatchJobInput { S3DataSource = source }, new JobOutput { S3DataDestination = destination });
    }

    public static int NumResults(JsonElement input, int defaultValue)
    {
        var value = input.OptionalInt("numResults") ?? defaultValue;
        return value is >= 1 and <= MaxNumResults
            ? value
            : throw ApiErrors.InvalidInput($"numResults is {value}; it must be from 1 to {MaxNumResults}.");
    }

    private static S3DataConfig Config(JsonElement input, string member, string inner)
    {
        var config = input.OptionalObject(member)?.OptionalObject(inner)
            ?? throw ApiErrors.InvalidInput($"{member}.{inner} is required.");
        return new S3DataConfig { Path = config.RequiredString("path"), KmsKeyArn = config.OptionalString("kmsKeyArn") };
    }

    private static void Check(IObjectStore objects, string path, string member)
    {
        try
        {
            objects.Check(path);
        }
        catch (ObjectLocationException error)
        {
            throw ApiErrors.InvalidInput($"{member}: {error.Message}");
        }
    }
}
