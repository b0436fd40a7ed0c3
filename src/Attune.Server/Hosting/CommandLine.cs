namespace Attune.Server.Hosting;

/// <summary>
/// What the command line asks before any host is built: <c>--help</c>, or a flag Attune does not know (a typo must
/// not be ignored silently). Flags are the documented ones (<see cref="CommandLineSwitches"/>) and
/// <c>--Section:Key value</c> settings, which <see cref="SettingsCheck"/> checks with the rest of the configuration, and
/// OpenTelemetry's standard <c>--OTEL_*</c> settings, which its exporter reads from the configuration.
/// </summary>
internal static class CommandLine
{
    public static bool AsksForHelp(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Each argument that looks like a flag but is neither documented nor a Section:Key setting.</summary>
    public static IEnumerable<string> UnknownFlags(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                continue; // a value
            }
            var name = args[i].Split('=', 2)[0];
            var known = name.StartsWith("--", StringComparison.Ordinal)
                && (name.Contains(':', StringComparison.Ordinal) || name.StartsWith("--OTEL_", StringComparison.Ordinal)
                    || CommandLineSwitches.All.Any(s => s.Flag == name));
            if (!known)
            {
                yield return $"unknown option '{name}' (--help lists the options)";
            }
            else if (!args[i].Contains('=', StringComparison.Ordinal) && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                yield return $"option '{name}' needs a value";
            }
            else if (!args[i].Contains('=', StringComparison.Ordinal))
            {
                i++; // skip its value
            }
        }
    }

    public static string Help()
    {
        var width = CommandLineSwitches.All.Max(s => s.Flag.Length) + 2;
        var lines = new List<string>
        {
            $"Attune {ServerVersion.Text}: a self-hosted recommendation service that speaks the AWS Personalize API.",
            string.Empty,
            "Usage: dotnet run --project src/Attune.Server -- [options]   (or: Attune.Server [options])",
            string.Empty,
            "Options:",
        };
        foreach (var s in CommandLineSwitches.All)
        {
            lines.Add($"  {s.Flag.PadRight(width)}{s.Meaning}");
            lines.Add($"  {string.Empty.PadRight(width)}default: {s.Default}; setting {s.Key}");
        }
        lines.Add($"  {"--help".PadRight(width)}print this and exit");
        lines.Add(string.Empty);
        lines.Add("Any setting can also be given as --Section:Key value (e.g. --Attune:Serving:Shards 4), in appsettings.json,");
        lines.Add("or as an environment variable (ATTUNE__DATADIR=..., ORLEANS__SILOPORT=...); the README's Configuration");
        lines.Add("section lists every setting. Unknown options and invalid values stop the server at start.");
        return string.Join(Environment.NewLine, lines);
    }
}
