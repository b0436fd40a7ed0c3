using System.Diagnostics;
using Serilog.Events;

namespace Attune.Server.Observability;

/// <summary>
/// Orleans 10.4.2's watchdog measures its first "participant check" from the host's boot rather than the process's
/// start, so every server warned at start of a stall as long as the machine's uptime. Only that impossible warning
/// (a stall longer than this process has lived) is dropped; real stalls are still logged.
/// </summary>
internal static class StartupWatchdogNoise
{
    public static bool IsImpossibleStall(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("TimeSinceLastTick", out var value)
        && value is ScalarValue { Value: TimeSpan stall }
        && stall > DateTime.Now - Process.GetCurrentProcess().StartTime;
}
