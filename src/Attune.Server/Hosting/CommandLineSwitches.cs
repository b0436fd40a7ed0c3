using Attune.Server.Auth;

namespace Attune.Server.Hosting;

/// <summary>
/// The documented command-line flags: the configuration key each sets, its default and its meaning. The one table
/// behind the argument mappings, <c>--help</c> and the unknown-flag check (<see cref="CommandLine"/>).
/// </summary>
internal static class CommandLineSwitches
{
    /// <summary>How a flag takes its value: the next argument, none (it sets true), or one per occurrence into a list.</summary>
    public enum Arity
    {
        Value,
        Flag,
        Repeated,
    }

    public sealed record Switch(string Flag, string Key, string Default, string Meaning, Arity Takes = Arity.Value);

    public static readonly Switch[] All =
    [
        new("--urls", "urls", ServerDefaults.Url, "where the HTTP port (all three APIs, /health, /metrics) listens"),
        new("--data-dir", Attune(nameof(AttuneOptions.DataDir)), "./attune-data (of the directory you run from)", "resource registry, datasets and grain state (embedded mode)"),
        new("--object-root", Attune(nameof(AttuneOptions.ObjectRoot)), "<data-dir>/objects", "the folder s3://bucket/key maps to (<object-root>/bucket/key)"),
        new("--allow-file-imports", $"{ImportOptions.Section}:{nameof(ImportOptions.AllowFiles)}", "off", "let imports read file:// locations, only inside the --file-root folders", Arity.Flag),
        new("--file-root", Attune(nameof(AttuneOptions.FileRoots)), "(none)", "a folder file:// imports may read (repeat the flag for several)", Arity.Repeated),
        new("--account-id", Attune(nameof(AttuneOptions.AccountId)), "000000000000", "the 12-digit account id in every ARN"),
        new("--region", Attune(nameof(AttuneOptions.DefaultRegion)), "us-east-1", "the region when a request has no SigV4 credential scope"),
        new("--cluster", Attune(nameof(ClusterModeOptions.Cluster)), "(none: embedded mode)", "PostgreSQL connection string: run as a member of that cluster"),
        new("--role", Attune(nameof(ClusterModeOptions.Role)), "silo", "silo (runs grains) or gateway (front door only; needs --cluster)"),
        new("--silo-port", Orleans(nameof(SiloOptions.SiloPort)), "11111", "Orleans silo-to-silo port"),
        new("--gateway-port", Orleans(nameof(SiloOptions.GatewayPort)), "30000", "Orleans client gateway port"),
        new("--advertised-address", Orleans(nameof(SiloOptions.AdvertisedAddress)), "(the host's address)", "the IP other cluster members reach this silo at"),
        new("--silo-name", Orleans(nameof(SiloOptions.SiloName)), "<host>-<silo port>", "this silo's name in the membership table"),
        new("--s3-endpoint", "Attune:S3:Endpoint", "(none: s3:// is the object root)", "an S3-compatible service for s3:// locations (credentials from the AWS environment)"),
        new("--auth", $"{AuthOptions.Section}:{nameof(AuthOptions.Mode)}", "none on loopback only, else sigv4", "none (any credentials) or sigv4 (AWS signatures checked)"),
        new("--access-keys", $"{AuthOptions.Section}:{nameof(AuthOptions.AccessKeysFile)}", "(none)", "CSV accessKeyId,secretAccessKey,accountId; re-read on change"),
        new("--insecure", $"{AuthOptions.Section}:{nameof(AuthOptions.Insecure)}", "false", "allow auth none on non-loopback URLs or in a cluster", Arity.Flag),
    ];

    /// <summary>
    /// Flag → configuration key, for <c>AddCommandLine</c>; flags without a value and repeated ones are rewritten by
    /// <see cref="CommandLine.Normalize"/> instead, which AddCommandLine's one-value-per-key mapping cannot express.
    /// </summary>
    public static readonly Dictionary<string, string> Mappings = All
        .Where(s => s.Flag != "--urls" && s.Takes == Arity.Value)
        .ToDictionary(s => s.Flag, s => s.Key, StringComparer.Ordinal);

    private static string Attune(string key) => $"{AttuneOptions.Section}:{key}";

    private static string Orleans(string key) => $"{SiloOptions.Section}:{key}";
}
