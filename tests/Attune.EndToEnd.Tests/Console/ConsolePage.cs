using Microsoft.Playwright;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>A console page in its own browser context, with the errors it logged (CSP violations are console errors).</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public ConsolePage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every console error and uncaught exception so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>A full-page screenshot under the test output's console-screenshots folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowser.ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public ValueTask DisposeAsync() => new(Context.CloseAsync());

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
