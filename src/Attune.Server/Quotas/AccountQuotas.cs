namespace Attune.Server.Quotas;

/// <summary>The quotas in force for one account; 0 means unlimited.</summary>
public sealed record AccountQuotas(
    int DatasetGroups,
    int Schemas,
    int SolutionsPerDatasetGroup,
    int CampaignsPerDatasetGroup,
    int FiltersPerDatasetGroup,
    int RecommendersPerDatasetGroup,
    RateLimit ControlPlane,
    RateLimit DataPlane)
{
    /// <summary>
    /// Personalize's own defaults where a self-hosted service loses nothing by them (500 schemas), generous ones where
    /// Personalize's bill-driven limits (5 dataset groups, 10 solutions, 5 campaigns and 5 recommenders per group, 30 filters) would
    /// get in the way of one server shared by many applications.
    /// </summary>
    public static readonly AccountQuotas BuiltIn = new(
        DatasetGroups: 500,
        Schemas: 500,
        SolutionsPerDatasetGroup: 100,
        CampaignsPerDatasetGroup: 50,
        FiltersPerDatasetGroup: 100,
        RecommendersPerDatasetGroup: 50,
        ControlPlane: new RateLimit(1_000, 2_000),
        // Far above what one node serves (about 15,000 requests/s on 2 cores): a guard against a runaway client, not a cap
        // on throughput, which is what users leave Personalize's 2,500/s for.
        DataPlane: new RateLimit(100_000, 200_000));

    /// <summary>These quotas with every setting <paramref name="limits"/> gives replaced.</summary>
    public AccountQuotas With(QuotaLimits limits) => new(
        limits.DatasetGroups ?? DatasetGroups,
        limits.Schemas ?? Schemas,
        limits.SolutionsPerDatasetGroup ?? SolutionsPerDatasetGroup,
        limits.CampaignsPerDatasetGroup ?? CampaignsPerDatasetGroup,
        limits.FiltersPerDatasetGroup ?? FiltersPerDatasetGroup,
        limits.RecommendersPerDatasetGroup ?? RecommendersPerDatasetGroup,
        new RateLimit(limits.ControlPlaneRequestsPerSecond ?? ControlPlane.PerSecond, limits.ControlPlaneBurst ?? ControlPlane.Burst),
        new RateLimit(limits.DataPlaneRequestsPerSecond ?? DataPlane.PerSecond, limits.DataPlaneBurst ?? DataPlane.Burst));
}

/// <summary>A token bucket's size: <paramref name="PerSecond"/> tokens a second up to <paramref name="Burst"/>; 0 per second is unlimited.</summary>
public sealed record RateLimit(double PerSecond, int Burst)
{
    public bool IsUnlimited => PerSecond <= 0;
}
