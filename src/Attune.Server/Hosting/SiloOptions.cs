namespace Attune.Server.Hosting;

/// <summary>Orleans endpoints and identity (section "Orleans"); ports are settable so several processes share a host.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Part of every grain-state key: keep it the same across restarts and modes or state looks lost.</summary>
    public string ServiceId { get; set; } = "attune";

    public string ClusterId { get; set; } = "attune";
}
