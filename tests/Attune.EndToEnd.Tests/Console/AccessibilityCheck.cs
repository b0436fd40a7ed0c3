using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>The check every page of the flow tests passes: axe and screenshots, in the light and the dark theme.</summary>
public static class AccessibilityCheck
{
    /// <summary>
    /// Fails on an uncaught script error or a CSP violation so far, then runs axe with prefers-color-scheme light and
    /// dark and fails on any serious or critical violation; writes &lt;name&gt;-light.png and &lt;name&gt;-dark.png.
    /// </summary>
    public static async Task CheckAsync(this ConsolePage console, string name)
    {
        // API errors a page shows inline (e.g. a 404 from online metrics) are logged by the browser as failed loads: expected.
        Assert.DoesNotContain(console.Errors, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
        var page = console.Page;
        foreach (var (scheme, suffix) in new[] { (ColorScheme.Light, "light"), (ColorScheme.Dark, "dark") })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var result = await page.RunAxe();
            var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
            Assert.True(severe.Count == 0, $"{name} ({suffix}) has accessibility violations:\n{string.Join('\n', severe)}");
            await console.ScreenshotAsync($"{name}-{suffix}");
        }
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    /// <summary>Follows a link in the side navigation, as a user would.</summary>
    public static async Task NavigateAsync(this ConsolePage console, string section)
    {
        await console.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await Assertions.Expect(console.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }
}
