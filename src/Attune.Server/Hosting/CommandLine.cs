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

    /// <summary>
    /// The arguments with value-less flags as <c>--Key true</c> and each repeated flag as the next list element
    /// (<c>--file-root a --file-root b</c> → <c>--Attune:FileRoots:0 a --Attune:FileRoots:1 b</c>); the rest unchanged.
    /// </summary>
    public static string[] Normalize(string[] args)
    {
        var normalized = new List<string>(args.Length);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], (string?)null);
            switch (CommandLineSwitches.All.FirstOrDefault(s => s.Flag == name))
            {
                case { Takes: CommandLineSwitches.Arity.Flag } flag:
                    normalized.AddRange([$"--{flag.Key}", inlineValue ?? "true"]);
                    break;
                case { Takes: CommandLineSwitches.Arity.Repeated } repeated when inlineValue is not null || i + 1 < args.Length:
                    var index = counts[repeated.Key] = counts.GetValueOrDefault(repeated.Key) + 1;
                    normalized.AddRange([$"--{repeated.Key}:{index - 1}", inlineValue ?? args[++i]]);
                    break;
                default:
                    normalized.Add(args[i]);
                    break;
            }
        }
        return [.. normalized];
    }

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
            else if (CommandLineSwitches.All.Any(s => s.Flag == name && s.Takes == CommandLineSwitches.Arity.Flag))
            {
                continue; // takes no value
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
