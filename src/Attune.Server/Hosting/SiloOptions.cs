namespace Attune.Server.Hosting;

/// <summary>Orleans endpoints and identity (section "Orleans"); ports are settable so several processes share a host.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    /// <summary>Binds to Orleans' ClusterMembershipOptions in cluster mode (probe and death-vote timings).</summary>
    public const string MembershipSection = "Orleans:Membership";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Part of every grain-state key: keep it the same across restarts and modes or state looks lost.</summary>
    public string ServiceId { get; set; } = "attune";

    public string ClusterId { get; set; } = "attune";

    /// <summary>
    /// The address other silos and gateways reach this silo at (cluster mode); by default the host's own address.
    /// Set it to the pod or container IP, or to 127.0.0.1 when every process of a cluster runs on one host.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The name in the membership table; by default host name and silo port, unique on a shared host.</summary>
    public string? SiloName { get; set; }

    public string SiloNameOrDefault => SiloName ?? $"{Environment.MachineName}-{SiloPort}";
}
