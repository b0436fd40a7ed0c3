using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attune.EndToEnd.Tests.Console;

/// <summary>A console page in its own browser context: navigation, the axe check and screenshots in both themes.</summary>
public sealed class ConsolePage(IPage page, IBrowserContext context) : IAsyncDisposable
{
    private readonly List<string> _scriptErrors = Subscribe(page);

    public IPage Page => page;

    /// <summary>
    /// Runs axe in the light and the dark theme (prefers-color-scheme) and fails on any serious or critical violation;
    /// writes &lt;name&gt;-light.png and &lt;name&gt;-dark.png.
    /// </summary>
    public async Task CheckAsync(string name)
    {
        Assert.Empty(_scriptErrors);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var result = await page.RunAxe();
            var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
            Assert.True(severe.Count == 0, $"{name} ({scheme}) has accessibility violations:\n{string.Join('\n', severe)}");
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(ConsoleServer.ScreenshotDirectory, $"{name}-{(scheme == ColorScheme.Dark ? "dark" : "light")}.png"),
                FullPage = true,
            });
        }
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    /// <summary>Follows a link in the side navigation, as a user would.</summary>
    public async Task NavigateAsync(string section)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());

    private static List<string> Subscribe(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
