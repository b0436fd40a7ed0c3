namespace Attune.Server.Quotas;

/// <summary>Resource counts and request rates (section "Attune:Quotas"): defaults and per-account overrides.</summary>
public sealed class QuotaOptions
{
    public const string Section = "Attune:Quotas";

    public QuotaLimits Defaults { get; set; } = new();

    /// <summary>Overrides by 12-digit account id; each setting left out keeps the default.</summary>
    public Dictionary<string, QuotaLimits> Accounts { get; set; } = [];
}
