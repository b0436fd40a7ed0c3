using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// Debian's Chromium, which the browser tests drive (no browser is ever downloaded from elsewhere): /usr/bin/chromium,
/// or the path in ATTUNE_CHROMIUM. When it is missing and the tests run as root, it is installed once with apt-get.
/// </summary>
public static class Chromium
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string Path => Environment.GetEnvironmentVariable("ATTUNE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The executable, installing it first if it is missing and can be; else fails saying how to install it.</summary>
    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        await Installing.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(Path) && Environment.UserName == "root" && Path == "/usr/bin/chromium")
            {
                var update = await ExternalCommand.RunAsync("apt-get", ["update", "-qq"], cancellationToken, TimeSpan.FromMinutes(5));
                var install = await ExternalCommand.RunAsync("apt-get", ["install", "-y", "-qq", "chromium"], cancellationToken, TimeSpan.FromMinutes(10),
                    environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
                Assert.True(File.Exists(Path), $"apt-get could not install chromium:\n{update}\n{install}");
            }
            Assert.True(File.Exists(Path),
                $"The browser tests need Debian's Chromium at {Path}: run `sudo apt-get install -y chromium` (or set ATTUNE_CHROMIUM to a Chromium executable).");
            return Path;
        }
        finally
        {
            Installing.Release();
        }
    }
}
