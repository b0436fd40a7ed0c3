namespace Attune.Server.WebConsole;

/// <summary>The web console's settings (section "Attune:Console"); see Console/README.md.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Attune:Console";

    /// <summary>How long a console sign-in lasts; sessions live in this process's memory (a restart signs out).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The largest file PUT /console/api/upload accepts (the API's 4 MiB body limit does not apply there).</summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>Problems with these values, one sentence each naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (SessionLifetime <= TimeSpan.Zero)
        {
            yield return $"{Section}:SessionLifetime must be positive, not {SessionLifetime}";
        }
        if (MaxUploadBytes < 1)
        {
            yield return $"{Section}:MaxUploadBytes must be at least 1, not {MaxUploadBytes}";
        }
    }
}
