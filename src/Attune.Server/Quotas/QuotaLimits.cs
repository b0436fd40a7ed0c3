namespace Attune.Server.Quotas;

/// <summary>
/// One set of quota settings (Attune:Quotas:Defaults, or Attune:Quotas:Accounts:&lt;accountId&gt;). A value left out
/// falls back to the defaults, then to <see cref="AccountQuotas.BuiltIn"/>; 0 means unlimited.
/// </summary>
public sealed class QuotaLimits
{
    public const string DefaultsSection = "Attune:Quotas:Defaults";

    public int? DatasetGroups { get; set; }

    public int? Schemas { get; set; }

    public int? SolutionsPerDatasetGroup { get; set; }

    public int? CampaignsPerDatasetGroup { get; set; }

    public int? FiltersPerDatasetGroup { get; set; }

    public int? RecommendersPerDatasetGroup { get; set; }

    /// <summary>Sustained requests per second to each control-plane operation.</summary>
    public double? ControlPlaneRequestsPerSecond { get; set; }

    /// <summary>Requests to one control-plane operation that may come at once after a quiet spell.</summary>
    public int? ControlPlaneBurst { get; set; }

    /// <summary>Sustained requests per second to each runtime and events operation.</summary>
    public double? DataPlaneRequestsPerSecond { get; set; }

    public int? DataPlaneBurst { get; set; }
}
