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

    /// <summary>Every recipe, or with <c>domain</c> only that domain's use cases (as Personalize lists them).</summary>
    private static Task<JsonObject?> ListAsync(JsonElement input, CallContext context)
    {
        var domain = input.OptionalString("domain");
        var recipes = domain is null ? RecipeCatalog.All : [.. RecipeCatalog.All.Where(r => r.Domain == domain)];
        var listing = $"{Listing}|{domain}";
        var start = (int)PageToken.Decode(input.OptionalString("nextToken"), listing);
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
            }.AddIfPresent("domain", recipe.Domain));
        }
        var output = new JsonObject { ["recipes"] = page };
        if (start + max < recipes.Count)
        {
            output["nextToken"] = PageToken.Encode(listing, start + max);
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
