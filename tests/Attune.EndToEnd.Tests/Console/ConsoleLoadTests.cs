using Attune.EndToEnd.Tests.Infrastructure;
using Deque.AxeCore.Playwright;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>The console as a browser first meets it: served by the real server, under its CSP, without errors or accessibility violations.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ConsoleLoadTests(SharedServer shared, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_console_loads_from_the_root_with_no_console_errors_no_CSP_violations_and_no_axe_violations()
    {
        await using var console = await browser.OpenAsync($"{shared.Server.Endpoint}/");

        await console.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
        await console.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await console.ScreenshotAsync("dataset-groups-empty");
        var accessibility = await console.Page.RunAxe();

        Assert.Equal($"{shared.Server.Endpoint}/console/", console.Page.Url);
        Assert.Empty(console.Errors);
        Assert.True(accessibility.Violations.Length == 0,
            string.Join("\n", accessibility.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }
}
