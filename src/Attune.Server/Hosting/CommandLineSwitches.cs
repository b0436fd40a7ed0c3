namespace Attune.Server.Hosting;

/// <summary>The documented command-line flags and the configuration keys they set.</summary>
internal static class CommandLineSwitches
{
    public static readonly Dictionary<string, string> Mappings = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = $"{AttuneOptions.Section}:{nameof(AttuneOptions.DataDir)}",
        ["--object-root"] = $"{AttuneOptions.Section}:{nameof(AttuneOptions.ObjectRoot)}",
        ["--account-id"] = $"{AttuneOptions.Section}:{nameof(AttuneOptions.AccountId)}",
        ["--region"] = $"{AttuneOptions.Section}:{nameof(AttuneOptions.DefaultRegion)}",
        ["--cluster"] = $"{AttuneOptions.Section}:{nameof(ClusterModeOptions.Cluster)}",
        ["--role"] = $"{AttuneOptions.Section}:{nameof(ClusterModeOptions.Role)}",
        ["--silo-port"] = $"{SiloOptions.Section}:{nameof(SiloOptions.SiloPort)}",
        ["--gateway-port"] = $"{SiloOptions.Section}:{nameof(SiloOptions.GatewayPort)}",
        ["--advertised-address"] = $"{SiloOptions.Section}:{nameof(SiloOptions.AdvertisedAddress)}",
        ["--silo-name"] = $"{SiloOptions.Section}:{nameof(SiloOptions.SiloName)}",
    };
}
