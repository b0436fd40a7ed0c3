using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.Quotas;

/// <summary>
/// Resource counts per account at create time: dataset groups and schemas per account, solutions, campaigns and
/// filters per dataset group. Counted in the resource registry among the caller's ARNs (region and account, as
/// Personalize's quotas are per region), those being deleted included; LimitExceededException names the quota.
/// </summary>
public sealed class ResourceQuotas(IResourceRegistry registry, QuotaTable table)
{
    /// <summary>
    /// Throws LimitExceededException when one more resource of <paramref name="kind"/> under
    /// <paramref name="parentArn"/> (its dataset group, or a campaign's solution) would exceed the caller's quota.
    /// </summary>
    public async Task RequireRoomAsync(string kind, string? parentArn, CallContext context)
    {
        var quotas = table.For(context.AccountId);
        switch (kind)
        {
            case ResourceKinds.DatasetGroup:
                await RequireAccountRoomAsync(kind, quotas.DatasetGroups, nameof(QuotaLimits.DatasetGroups), "dataset groups", context);
                break;
            case ResourceKinds.Schema:
                await RequireAccountRoomAsync(kind, quotas.Schemas, nameof(QuotaLimits.Schemas), "schemas", context);
                break;
            case ResourceKinds.Filter:
                await RequireGroupRoomAsync(parentArn!, kind, quotas.FiltersPerDatasetGroup, nameof(QuotaLimits.FiltersPerDatasetGroup), "filters", context);
                break;
            case ResourceKinds.Recommender:
                await RequireGroupRoomAsync(parentArn!, kind, quotas.RecommendersPerDatasetGroup, nameof(QuotaLimits.RecommendersPerDatasetGroup), "recommenders", context);
                break;
            case ResourceKinds.Solution:
                await RequireGroupRoomAsync(parentArn!, kind, quotas.SolutionsPerDatasetGroup, nameof(QuotaLimits.SolutionsPerDatasetGroup), "solutions", context);
                break;
            case ResourceKinds.Campaign:
                // A campaign's parent is its solution; the quota is per dataset group, the solution's parent.
                var solution = await registry.GetAsync(parentArn!, context.Aborted);
                if (solution?.ParentArn is { } group)
                {
                    await RequireGroupRoomAsync(group, kind, quotas.CampaignsPerDatasetGroup, nameof(QuotaLimits.CampaignsPerDatasetGroup), "campaigns", context);
                }
                break;
        }
    }

    private async Task RequireAccountRoomAsync(string kind, int limit, string quota, string what, CallContext context)
    {
        if (limit <= 0)
        {
            return;
        }
        // One page of at most `limit` rows says whether the account already has that many.
        var page = await registry.ListAsync(kind, context.ArnPrefix, null, 0, limit, context.Aborted);
        if (page.Items.Count >= limit)
        {
            throw Exceeded($"This account already has {limit} {what} in {context.Region}", quota, limit);
        }
    }

    private async Task RequireGroupRoomAsync(string groupArn, string kind, int limit, string quota, string what, CallContext context)
    {
        if (limit <= 0)
        {
            return;
        }
        var count = kind == ResourceKinds.Campaign ? await CampaignsAsync(groupArn, context) : await ChildrenAsync(groupArn, kind, context);
        if (count >= limit)
        {
            throw Exceeded($"The dataset group {groupArn} already has {count} {what}", quota, limit);
        }
    }

    private async Task<int> CampaignsAsync(string groupArn, CallContext context)
    {
        var count = 0;
        foreach (var solution in await registry.ListChildrenAsync(groupArn, [ResourceKinds.Solution], context.Aborted))
        {
            count += await ChildrenAsync(solution.Arn, ResourceKinds.Campaign, context);
        }
        return count;
    }

    private async Task<int> ChildrenAsync(string parentArn, string kind, CallContext context) =>
        (await registry.ListChildrenAsync(parentArn, [kind], context.Aborted))
        .Count(child => child.Arn.StartsWith(context.ArnPrefix, StringComparison.Ordinal));

    private static ApiException Exceeded(string situation, string quota, int limit) =>
        ApiErrors.LimitExceeded(
            $"{situation}: the limit {quota} is {limit}. Delete some, or raise it with Attune:Quotas:Defaults:{quota} " +
            $"or Attune:Quotas:Accounts:<accountId>:{quota}.");
}
