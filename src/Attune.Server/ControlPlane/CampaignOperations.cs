using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateCampaign, DescribeCampaign, ListCampaigns, UpdateCampaign, DeleteCampaign. A campaign turns ACTIVE once
/// its model is deployed (the campaign activation handler); an update is recorded in latestCampaignUpdate and
/// the old deployment keeps serving until the new one is ready.
/// </summary>
public sealed class CampaignOperations(Resources resources) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["name", "campaignArn", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationHandlers registry)
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
        var solution = await TargetSolutionAsync(input.RequiredString("solutionVersionArn"), config?.OptionalBool("syncWithLatestSolutionVersion") ?? false, context);
        ExplorationConfigCheck.Check("campaignConfig", config);
        var arn = context.Arn(ResourceKinds.Campaign, name);
        var campaign = new CampaignRecord
        {
            Name = name,
            CampaignArn = arn,
            SolutionVersionArn = input.RequiredString("solutionVersionArn"),
            MinProvisionedTps = input.OptionalInt("minProvisionedTPS") ?? 1,
            CampaignConfig = config is { } accepted ? DescribeBody.Read<CampaignConfig>(accepted) : DefaultConfig(solution),
        };
        await resources.CreateAsync(ResourceKinds.Campaign, arn, name, solution.Arn, DescribeBody.Write(campaign), Tags.Read(input), context);
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
        var body = DescribeBody.Read<CampaignRecord>(campaign.Body);
        if (campaign.Status is not (ResourceStatus.Active or ResourceStatus.CreateFailed))
        {
            throw ApiErrors.InUse($"Campaign {campaign.Arn} is {campaign.Status}; it can be updated when ACTIVE or CREATE FAILED.");
        }
        if (body.LatestCampaignUpdate?.Status is { } updating && ResourceStatus.IsTransient(updating))
        {
            throw ApiErrors.InUse($"Campaign {campaign.Arn} already has an update {updating}.");
        }
        var config = input.OptionalObject("campaignConfig");
        var versionArn = input.OptionalString("solutionVersionArn") ?? body.SolutionVersionArn;
        var newConfig = config is { } accepted ? DescribeBody.Read<CampaignConfig>(accepted) : null;
        var solution = await TargetSolutionAsync(versionArn, (newConfig ?? body.CampaignConfig)?.SyncWithLatestSolutionVersion ?? false, context);
        if (solution.Arn != campaign.ParentArn)
        {
            throw ApiErrors.InvalidInput($"solutionVersionArn {versionArn} belongs to another solution than the campaign's ({campaign.ParentArn}).");
        }
        ExplorationConfigCheck.Check("campaignConfig", config);
        var updated = body with
        {
            LastUpdatedDateTime = context.Now,
            LatestCampaignUpdate = new CampaignUpdate
            {
                SolutionVersionArn = versionArn,
                MinProvisionedTps = input.OptionalInt("minProvisionedTPS") ?? body.MinProvisionedTps,
                CampaignConfig = newConfig ?? body.CampaignConfig,
                Status = ResourceStatus.CreatePending,
                CreationDateTime = context.Now,
                LastUpdatedDateTime = context.Now,
            },
        };
        // Conditional: of two concurrent updates (or an update and a delete) one wins and the other is told, none is lost.
        if (!await resources.Registry.UpdateIfUnchangedAsync(
            campaign with { UpdatedAt = context.Now, Body = DescribeBody.Text(updated) }, campaign, context.Aborted))
        {
            throw ApiErrors.InUse($"Campaign {campaign.Arn} changed while being updated; describe it and try again.");
        }
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
    private async Task<ResourceRecord> TargetSolutionAsync(string versionArn, bool sync, CallContext context)
    {
        if (CampaignRecord.FollowsLatest(versionArn))
        {
            if (!sync)
            {
                throw ApiErrors.InvalidInput($"{versionArn} names the latest version; set campaignConfig.syncWithLatestSolutionVersion to true to use it.");
            }
            return await resources.GetActiveAsync(CampaignRecord.SolutionOfLatest(versionArn), ResourceKinds.Solution, context);
        }
        if (sync)
        {
            throw ApiErrors.InvalidInput("campaignConfig.syncWithLatestSolutionVersion needs solutionVersionArn <solutionArn>/$LATEST.");
        }
        var version = await resources.GetActiveAsync(versionArn, ResourceKinds.SolutionVersion, context);
        return await resources.GetAsync(version.ParentArn!, ResourceKinds.Solution, context);
    }

    /// <summary>v2 recipes return metadata without being asked to, as in Personalize.</summary>
    private static CampaignConfig DefaultConfig(ResourceRecord solution)
    {
        var recipe = DescribeBody.Read<SolutionRecord>(solution.Body).RecipeArn ?? string.Empty;
        return new CampaignConfig { EnableMetadataWithRecommendations = recipe.EndsWith("-v2", StringComparison.Ordinal) };
    }
}
