using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.Wire;
using Attune.Storage.Catalog;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateCampaign, DescribeCampaign, ListCampaigns, UpdateCampaign, DeleteCampaign. A campaign turns ACTIVE once
/// its model is deployed (the campaign activation handler); an update is recorded in latestCampaignUpdate and
/// the old deployment keeps serving until the new one is ready.
/// </summary>
public sealed class CampaignOperations(Resources resources) : IOperationFamily
{
    private const string LatestSuffix = "/$LATEST";

    private static readonly string[] SummaryMembers =
        ["name", "campaignArn", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationRegistry registry)
    {
        registry.Add("CreateCampaign", CreateAsync);
        registry.Add("DescribeCampaign", DescribeAsync);
        registry.Add("ListCampaigns", ListAsync);
        registry.Add("UpdateCampaign", UpdateAsync);
        registry.Add("DeleteCampaign", DeleteAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var config = input.OptionalObject("campaignConfig");
        var solution = await TargetSolutionAsync(input.RequiredString("solutionVersionArn"), config, context);
        CheckConfig(config);
        var arn = context.Arn(ResourceKinds.Campaign, name);
        var body = new JsonObject
        {
            ["name"] = name,
            ["campaignArn"] = arn,
            ["solutionVersionArn"] = input.RequiredString("solutionVersionArn"),
            ["minProvisionedTPS"] = input.OptionalInt("minProvisionedTPS") ?? 1,
            ["campaignConfig"] = input.CopyOf("campaignConfig") ?? DefaultConfig(solution),
        };
        await resources.CreateAsync(ResourceKinds.Campaign, arn, name, solution.Arn, body, Tags.Read(input), context);
        return new JsonObject { ["campaignArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("campaignArn"), ResourceKinds.Campaign, context);
        return new JsonObject { ["campaign"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.Campaign, "campaigns", "solutionArn", ResourceKinds.Solution, input, context, SummaryMembers);

    private async Task<JsonObject?> UpdateAsync(JsonElement input, CallContext context)
    {
        var campaign = await resources.GetAsync(input.RequiredString("campaignArn"), ResourceKinds.Campaign, context);
        var body = campaign.ParseBody();
        if (campaign.Status is not (ResourceStatus.Active or ResourceStatus.CreateFailed))
        {
            throw ApiErrors.InUse($"Campaign {campaign.Arn} is {campaign.Status}; it can be updated when ACTIVE or CREATE FAILED.");
        }
        if (body["latestCampaignUpdate"]?["status"]?.GetValue<string>() is { } updating && ResourceStatus.IsTransient(updating))
        {
            throw ApiErrors.InUse($"Campaign {campaign.Arn} already has an update {updating}.");
        }
        var config = input.OptionalObject("campaignConfig");
        var versionArn = input.OptionalString("solutionVersionArn") ?? body["solutionVersionArn"]!.GetValue<string>();
        using var storedConfig = JsonDocument.Parse(body["campaignConfig"]?.ToJsonString() ?? "{}");
        var solution = await TargetSolutionAsync(versionArn, config ?? storedConfig.RootElement, context);
        if (solution.Arn != campaign.ParentArn)
        {
            throw ApiErrors.InvalidInput($"solutionVersionArn {versionArn} belongs to another solution than the campaign's ({campaign.ParentArn}).");
        }
        CheckConfig(config);
        var update = new JsonObject
        {
            ["solutionVersionArn"] = versionArn,
            ["minProvisionedTPS"] = input.OptionalInt("minProvisionedTPS") ?? body["minProvisionedTPS"]!.GetValue<int>(),
            ["campaignConfig"] = input.CopyOf("campaignConfig") ?? body["campaignConfig"]?.DeepClone(),
            ["status"] = ResourceStatus.CreatePending,
            ["creationDateTime"] = context.Now,
            ["lastUpdatedDateTime"] = context.Now,
        };
        await resources.Catalog.UpdateAsync(campaign.WithBody(context.Now, b => b["latestCampaignUpdate"] = update), context.Aborted);
        await resources.AdvanceAsync(ResourceKinds.Campaign, campaign.Arn);
        return new JsonObject { ["campaignArn"] = campaign.Arn };
    }

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var campaign = await resources.GetAsync(input.RequiredString("campaignArn"), ResourceKinds.Campaign, context);
        await resources.DeleteAsync(campaign, context);
        return null;
    }

    /// <summary>
    /// The solution a campaign serves: an ACTIVE version of it, or &lt;solutionArn&gt;/$LATEST, which Personalize
    /// accepts only together with campaignConfig.syncWithLatestSolutionVersion = true.
    /// </summary>
    private async Task<ResourceRecord> TargetSolutionAsync(string versionArn, JsonElement? config, CallContext context)
    {
        var sync = config?.OptionalBool("syncWithLatestSolutionVersion") ?? false;
        if (versionArn.EndsWith(LatestSuffix, StringComparison.Ordinal))
        {
            if (!sync)
            {
                throw ApiErrors.InvalidInput($"{versionArn} names the latest version; set campaignConfig.syncWithLatestSolutionVersion to true to use it.");
            }
            return await resources.GetActiveAsync(versionArn[..^LatestSuffix.Length], ResourceKinds.Solution, context);
        }
        if (sync)
        {
            throw ApiErrors.InvalidInput("campaignConfig.syncWithLatestSolutionVersion needs solutionVersionArn <solutionArn>/$LATEST.");
        }
        var version = await resources.GetActiveAsync(versionArn, ResourceKinds.SolutionVersion, context);
        return await resources.GetAsync(version.ParentArn!, ResourceKinds.Solution, context);
    }

    /// <summary>v2 recipes return metadata without being asked to, as in Personalize.</summary>
    private static JsonObject DefaultConfig(ResourceRecord solution)
    {
        var recipe = solution.ParseBody()["recipeArn"]?.GetValue<string>() ?? string.Empty;
        return new JsonObject { ["enableMetadataWithRecommendations"] = recipe.EndsWith("-v2", StringComparison.Ordinal) };
    }

    private static void CheckConfig(JsonElement? config)
    {
        if (config?.OptionalObject("itemExplorationConfig") is not { } exploration)
        {
            return;
        }
        foreach (var property in exploration.EnumerateObject())
        {
            var valid = double.TryParse(property.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
            switch (property.Name)
            {
                case "explorationWeight" when !valid || value is < 0 or > 1:
                    throw ApiErrors.InvalidInput($"campaignConfig.itemExplorationConfig.explorationWeight '{property.Value}' must be a number from 0 to 1.");
                case "explorationItemAgeCutOff" when !valid || value <= 0:
                    throw ApiErrors.InvalidInput($"campaignConfig.itemExplorationConfig.explorationItemAgeCutOff '{property.Value}' must be a positive number of days.");
                case "explorationWeight" or "explorationItemAgeCutOff":
                    break;
                default:
                    throw ApiErrors.InvalidInput($"campaignConfig.itemExplorationConfig has an unknown key '{property.Name}'; use explorationWeight and explorationItemAgeCutOff.");
            }
        }
    }
}
