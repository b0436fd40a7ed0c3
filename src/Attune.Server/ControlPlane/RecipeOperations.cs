using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>ListRecipes and DescribeRecipe over <see cref="RecipeCatalog"/>.</summary>
public sealed class RecipeOperations : IOperationFamily
{
    private const string Listing = "recipes";

    public void Register(OperationHandlers registry)
    {
        registry.Add("ListRecipes", ListAsync);
        registry.Add("DescribeRecipe", DescribeAsync);
    }

    /// <summary>Attune has no domain (recommender) recipes yet, so a domain filter lists nothing.</summary>
    private static Task<JsonObject?> ListAsync(JsonElement input, CallContext context)
    {
        var recipes = input.OptionalString("domain") is null ? RecipeCatalog.All : [];
        var start = (int)PageToken.Decode(input.OptionalString("nextToken"), Listing);
        var max = input.OptionalInt("maxResults") ?? 100;
        var page = new JsonArray();
        foreach (var recipe in recipes.Skip(start).Take(max))
        {
            page.Add(new JsonObject
            {
                ["name"] = recipe.Name,
                ["recipeArn"] = recipe.RecipeArn,
                ["status"] = "ACTIVE",
                ["creationDateTime"] = RecipeCatalog.PublishedAt,
                ["lastUpdatedDateTime"] = RecipeCatalog.PublishedAt,
            });
        }
        var output = new JsonObject { ["recipes"] = page };
        if (start + max < recipes.Count)
        {
            output["nextToken"] = PageToken.Encode(Listing, start + max);
        }
        return Task.FromResult<JsonObject?>(output);
    }

    private static Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var arn = input.RequiredString("recipeArn");
        var recipe = RecipeCatalog.Find(arn) ?? throw ApiErrors.NotFound(arn);
        return Task.FromResult<JsonObject?>(new JsonObject { ["recipe"] = RecipeCatalog.Describe(recipe) });
    }
}
