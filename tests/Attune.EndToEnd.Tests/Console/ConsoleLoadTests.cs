using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>The console as a browser first meets it: served by the real server, under its CSP, without errors.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ConsoleLoadTests(SharedServer shared, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_console_loads_from_the_root_with_no_console_errors_and_no_CSP_violations()
    {
        await using var console = await browser.OpenAsync($"{shared.Server.Endpoint}/");

        await console.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
        await console.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await console.ScreenshotAsync("dataset-groups-empty");

        Assert.Equal($"{shared.Server.Endpoint}/console/", console.Page.Url);
        Assert.Empty(console.Errors);
    }
}
