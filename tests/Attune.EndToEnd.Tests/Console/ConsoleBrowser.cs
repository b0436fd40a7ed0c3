using Microsoft.Playwright;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// One headless Chromium per test class, driven by Playwright's .NET driver (it ships its own node; browsers are never
/// downloaded). Tests open pages with <see cref="OpenAsync"/>, which records every console error and CSP violation.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots go: under the test output, never in the repository's tracked files.</summary>
    public static string ScreenshotFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = await Chromium.EnsureAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox"], // as root, Chromium refuses its sandbox
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage) on <paramref name="url"/>.</summary>
    public async Task<ConsolePage> OpenAsync(string url)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 800 } });
        var page = new ConsolePage(context, await context.NewPageAsync());
        await page.Page.GotoAsync(url);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
