using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.Console;

/// <summary>
/// Debian's Chromium for the browser tests (Playwright downloads no browser here): ATTUNE_CHROMIUM, else
/// /usr/bin/chromium, installed once with apt-get when missing and the tests run as root.
/// </summary>
public static class SystemChromium
{
    private const string DefaultPath = "/usr/bin/chromium";
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<string> FindAsync(CancellationToken cancellationToken)
    {
        var path = Environment.GetEnvironmentVariable("ATTUNE_CHROMIUM") ?? DefaultPath;
        if (File.Exists(path))
        {
            return path;
        }
        if (Environment.UserName != "root" || path != DefaultPath)
        {
            throw new InvalidOperationException(
                $"Chromium is not at {path}: install it with `apt-get install -y chromium` (as root) or set ATTUNE_CHROMIUM to a Chromium binary.");
        }
        await Install.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                var result = await ExternalCommand.RunAsync("apt-get", ["install", "-y", "chromium"], cancellationToken, TimeSpan.FromMinutes(10),
                    environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
                Assert.True(File.Exists(path), $"apt-get install -y chromium did not install {path}:\n{result}");
            }
            return path;
        }
        finally
        {
            Install.Release();
        }
    }
}
