using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// One real server (auth mode none) and one headless Chromium (<see cref="ConsoleBrowser"/>) for the browser flow
/// tests; each test opens its own browser context and names its own resources.
/// </summary>
public sealed class ConsoleServer : IAsyncLifetime
{
    private readonly ConsoleBrowser _browser = new();

    public ServerProcess Server { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var server = Server.StartAsync(TestContext.Current.CancellationToken);
        await _browser.InitializeAsync();
        await server;
    }

    /// <summary>A fresh page at <paramref name="path"/> of the server.</summary>
    public Task<ConsolePage> OpenAsync(string path = "/console/") => _browser.OpenAsync($"{Server.Endpoint}{path}");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleServerCollection : ICollectionFixture<ConsoleServer>
{
    public const string Name = "console server";
}
