using Attune.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Attune.EndToEnd.Tests.Console;

/// <summary>
/// One real server (auth mode none) and one headless Chromium for every console test; each test opens its own
/// browser context (1366×768, like a laptop) and names its own resources.
/// </summary>
public sealed class ConsoleServer : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ServerProcess Server { get; } = new();

    /// <summary>Screenshots of each page, light and dark, under the test output (never committed from there).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(ScreenshotDirectory);
        var server = Server.StartAsync(cancellationToken);
        var chromium = await SystemChromium.FindAsync(cancellationToken);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        await server;
    }

    /// <summary>
    /// A fresh page at the server (or at <paramref name="endpoint"/>, another server a test started), failing the test
    /// on any uncaught script error.
    /// </summary>
    public async Task<ConsolePage> OpenAsync(string path = "/console/", string? endpoint = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = endpoint ?? Server.Endpoint,
            ViewportSize = new() { Width = 1366, Height = 768 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var console = new ConsolePage(page, context);
        await page.GotoAsync(path);
        return console;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleServerCollection : ICollectionFixture<ConsoleServer>
{
    public const string Name = "console server";
}
