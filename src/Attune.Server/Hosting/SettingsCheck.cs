using Attune.Server.Auth;
using Attune.Server.WebConsole;
using System.Net;
using System.Reflection;
using Attune.Grains.OnlineMetrics;
using Attune.Grains.Serving;
using Attune.Grains.Training;
using Attune.Server.Attribution;
using Attune.Server.Observability;
using Attune.Server.Quotas;
using Orleans.Configuration;

namespace Attune.Server.Hosting;

/// <summary>
/// Checks the whole configuration (command line, environment, appsettings) before the host starts: every key under
/// the sections Attune owns must name a setting, and every value must bind and make sense. Problems are returned as
/// sentences naming the setting, so a typo or a bad value stops the server at start instead of being ignored.
/// </summary>
internal static class SettingsCheck
{
    /// <summary>Every options class bound from configuration, by its section (a section may bind several).</summary>
    private static readonly (string Section, Type Options)[] Bound =
    [
        (AttuneOptions.Section, typeof(AttuneOptions)),
        (AttuneOptions.Section, typeof(ClusterModeOptions)),
        (ImportOptions.Section, typeof(ImportOptions)),
        (QuotaOptions.Section, typeof(QuotaOptions)),
        (QuotaLimits.DefaultsSection, typeof(QuotaLimits)),
        (AuthOptions.Section, typeof(AuthOptions)),
        (ConsoleOptions.Section, typeof(ConsoleOptions)),
        (ServingOptions.Section, typeof(ServingOptions)),
        (AutoTrainingOptions.Section, typeof(AutoTrainingOptions)),
        (TelemetryOptions.Section, typeof(TelemetryOptions)),
        (AttributionOptions.Section, typeof(AttributionOptions)),
        (OnlineMetricsOptions.Section, typeof(OnlineMetricsOptions)),
        (SiloOptions.Section, typeof(SiloOptions)),
        (SiloOptions.MembershipSection, typeof(ClusterMembershipOptions)),
    ];

    public static List<string> Problems(IConfiguration configuration)
    {
        var problems = UnknownKeys(configuration).Concat(UnknownQuotaKeys(configuration)).ToList();
        var bound = true;
        foreach (var (section, options) in Bound)
        {
            try
            {
                configuration.GetSection(section).Get(options);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message); // names the key, the value and the type it must be
                bound = false;
            }
        }
        if (bound)
        {
            problems.AddRange(InvalidValues(configuration));
        }
        return problems;
    }

    private static IEnumerable<string> UnknownKeys(IConfiguration configuration)
    {
        var sections = Bound.Select(b => b.Section).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var root in new[] { AttuneOptions.Section, SiloOptions.Section })
        {
            foreach (var (key, _) in configuration.GetSection(root).AsEnumerable(makePathsRelative: false))
            {
                var owner = sections.Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)).MaxBy(s => s.Length);
                if (owner is null)
                {
                    continue; // the root section itself
                }
                var setting = key[(owner.Length + 1)..].Split(':')[0];
                var isChildSection = sections.Any(s => s.Equals($"{owner}:{setting}", StringComparison.OrdinalIgnoreCase));
                var isProperty = Bound.Where(b => b.Section.Equals(owner, StringComparison.OrdinalIgnoreCase))
                    .Any(b => b.Options.GetProperty(setting, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true });
                if (!isChildSection && !isProperty)
                {
                    yield return $"unknown setting '{key}' (the README's Configuration section lists the settings)";
                }
            }
        }
    }

    private static IEnumerable<string> InvalidValues(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        foreach (var url in (urls ?? ServerDefaults.Url).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsable = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"--urls: '{url}' is not an http:// or https:// URL";
            }
        }

        var attune = configuration.GetSection(AttuneOptions.Section).Get<AttuneOptions>() ?? new AttuneOptions();
        foreach (var problem in attune.Problems())
        {
            yield return problem;
        }
        foreach (var problem in ModeProblems(configuration))
        {
            yield return problem;
        }
        foreach (var problem in (configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions()).Problems())
        {
            yield return problem;
        }
        foreach (var problem in AuthProblems(configuration))
        {
            yield return problem;
        }
        var silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        foreach (var problem in silo.Problems())
        {
            yield return problem;
        }
        var serving = configuration.GetSection(ServingOptions.Section).Get<ServingOptions>() ?? new ServingOptions();
        if (serving.Shards is < 1 or > 1024)
        {
            yield return $"{ServingOptions.Section}:Shards must be 1 to 1024, not {serving.Shards}";
        }
        if (serving.MinShardItems < 1)
        {
            yield return $"{ServingOptions.Section}:MinShardItems must be at least 1, not {serving.MinShardItems}";
        }
        if (serving.InteractionsPerEventTypeCap is < 1)
        {
            yield return $"{ServingOptions.Section}:InteractionsPerEventTypeCap must be a positive count (100 as in Personalize) or empty for the whole history, not {serving.InteractionsPerEventTypeCap}";
        }
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) && !Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out _))
        {
            yield return $"{Telemetry.OtlpEndpointKey} must be a URL such as http://collector:4317, not '{telemetry.OtlpEndpoint}'";
        }
        var attribution = configuration.GetSection(AttributionOptions.Section).Get<AttributionOptions>() ?? new AttributionOptions();
        if (attribution.PublishInterval <= TimeSpan.Zero)
        {
            yield return $"{AttributionOptions.Section}:PublishInterval must be positive, not {attribution.PublishInterval}";
        }
        foreach (var problem in (configuration.GetSection(OnlineMetricsOptions.Section).Get<OnlineMetricsOptions>() ?? new OnlineMetricsOptions()).Problems())
        {
            yield return problem;
        }
        var training = configuration.GetSection(AutoTrainingOptions.Section).Get<AutoTrainingOptions>() ?? new AutoTrainingOptions();
        foreach (var (name, value) in new[] { ("CheckInterval", training.CheckInterval), ("Day", training.Day), ("RecommenderRetraining", training.RecommenderRetraining) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{AutoTrainingOptions.Section}:{name} must be positive, not {value}";
            }
        }
        if (training.FirstDelay < TimeSpan.Zero)
        {
            yield return $"{AutoTrainingOptions.Section}:FirstDelay must not be negative, not {training.FirstDelay}";
        }
    }

    private static IEnumerable<string> AuthProblems(IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var cluster = !string.IsNullOrWhiteSpace(configuration[$"{AttuneOptions.Section}:{nameof(ClusterModeOptions.Cluster)}"]);
        AuthModes.Decide(auth, AuthModes.ListenUrls(configuration), cluster, out var problem);
        if (problem is not null)
        {
            yield return problem;
        }
        if (!string.IsNullOrWhiteSpace(auth.AccessKeysFile))
        {
            string? fileProblem = null;
            try
            {
                AccessKeysCsv.Parse(auth.AccessKeysFile, File.ReadLines(auth.AccessKeysFile));
            }
            catch (Exception error) when (error is IOException or FormatException or UnauthorizedAccessException)
            {
                fileProblem = $"--access-keys: {error.Message}";
            }
            if (fileProblem is not null)
            {
                yield return fileProblem;
            }
        }
        if (!string.IsNullOrWhiteSpace(auth.KeyEncryptionKey) && !IsBase64Of32Bytes(auth.KeyEncryptionKey))
        {
            yield return $"{AuthOptions.Section}:KeyEncryptionKey must be the base64 of 32 bytes (openssl rand -base64 32)";
        }
    }

    private static bool IsBase64Of32Bytes(string value)
    {
        Span<byte> bytes = stackalloc byte[48];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var written) && written == 32;
    }

    private static IEnumerable<string> Problems(this AttuneOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            yield return "--data-dir must not be empty";
        }
        if (options.ObjectRoot is not null && string.IsNullOrWhiteSpace(options.ObjectRoot))
        {
            yield return "--object-root must not be empty";
        }
        if (options.AccountId.Length != 12 || !options.AccountId.All(char.IsAsciiDigit))
        {
            yield return $"--account-id must be 12 digits, not '{options.AccountId}'";
        }
        if (options.DefaultRegion.Length == 0 || !options.DefaultRegion.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            yield return $"--region must be a region name such as us-east-1, not '{options.DefaultRegion}'";
        }
        if (options.MaxRequestBodyBytes < 1024)
        {
            yield return $"{AttuneOptions.Section}:MaxRequestBodyBytes must be at least 1024, not {options.MaxRequestBodyBytes}";
        }
        if (options.FileRoots.Any(string.IsNullOrWhiteSpace))
        {
            yield return "--file-root must not be empty";
        }
        if (options.Imports.AllowFiles && options.FileRoots.Count == 0)
        {
            yield return "--allow-file-imports needs at least one --file-root (setting Attune:FileRoots): the folders file:// imports may read";
        }
        foreach (var problem in QuotaProblems(options.Quotas))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> QuotaProblems(QuotaOptions quotas)
    {
        var sets = quotas.Accounts.Select(a => ($"{QuotaOptions.Section}:Accounts:{a.Key}", a.Value)).Prepend((QuotaLimits.DefaultsSection, quotas.Defaults));
        foreach (var (section, limits) in sets)
        {
            var values = typeof(QuotaLimits).GetProperties().Select(p => (p.Name, Value: Convert.ToDouble(p.GetValue(limits) ?? 0d, System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var (name, value) in values.Where(v => v.Value < 0))
            {
                yield return $"{section}:{name} must be 0 (unlimited) or more, not {value}";
            }
        }
        foreach (var account in quotas.Accounts.Keys.Where(id => id.Length != 12 || !id.All(char.IsAsciiDigit)))
        {
            yield return $"{QuotaOptions.Section}:Accounts:{account} must be keyed by a 12-digit account id";
        }
    }

    /// <summary>Keys under Attune:Quotas:Accounts:&lt;id&gt; that name no quota (the binder would ignore them).</summary>
    private static IEnumerable<string> UnknownQuotaKeys(IConfiguration configuration)
    {
        foreach (var account in configuration.GetSection($"{QuotaOptions.Section}:Accounts").GetChildren())
        {
            foreach (var setting in account.GetChildren().Where(s => typeof(QuotaLimits).GetProperty(s.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null))
            {
                yield return $"unknown setting '{setting.Path}' (the README's Quotas section lists the quotas)";
            }
        }
    }

    private static List<string> ModeProblems(IConfiguration configuration)
    {
        try
        {
            var mode = ClusterModeOptions.From(configuration); // refuses a gateway without a cluster
            if (!Enum.IsDefined(mode.Role))
            {
                return [$"--role must be silo or gateway, not '{mode.Role}'"];
            }
            _ = mode.IsCluster ? mode.ConnectionString : null;
            return [];
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException)
        {
            return [$"--cluster is not a PostgreSQL connection string: {e.Message}"];
        }
    }

    private static IEnumerable<string> Problems(this SiloOptions silo)
    {
        foreach (var (flag, port) in new[] { ("--silo-port", silo.SiloPort), ("--gateway-port", silo.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"{flag} must be 1 to 65535, not {port}";
            }
        }
        if (silo.SiloPort == silo.GatewayPort)
        {
            yield return $"--silo-port and --gateway-port must differ (both {silo.SiloPort})";
        }
        if (silo.AdvertisedAddress is not null && !IPAddress.TryParse(silo.AdvertisedAddress, out _))
        {
            yield return $"--advertised-address must be an IP address, not '{silo.AdvertisedAddress}'";
        }
    }
}
