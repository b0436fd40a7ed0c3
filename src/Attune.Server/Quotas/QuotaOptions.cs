namespace Attune.Server.Quotas;

/// <summary>Resource counts and request rates (section "Attune:Quotas"): defaults and per-account overrides.</summary>
public sealed class QuotaOptions
{
    public const string Section = "Attune:Quotas";

    public QuotaLimits Defaults { get; set; } = new();

    /// <summary>Overrides by 12-digit account id; each setting left out keeps the default.</summary>
    public Dictionary<string, QuotaLimits> Accounts { get; set; } = [];

    /// <summary>The quotas in force for every configured account, and for all the others.</summary>
    public (IReadOnlyDictionary<string, AccountQuotas> Accounts, AccountQuotas Others) Resolve()
    {
        var others = AccountQuotas.BuiltIn.With(Defaults);
        return (Accounts.ToDictionary(a => a.Key, a => others.With(a.Value), StringComparer.Ordinal), others);
    }
}
