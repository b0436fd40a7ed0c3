namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>One server for every scenario that tolerates sharing (each uses its own resource names).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public ServerProcess Server { get; } = new();

    public async ValueTask InitializeAsync() => await Server.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>Runs scripts/<paramref name="script"/> against the server and fails with both outputs unless it exits 0.</summary>
    public async Task<CommandResult> RunScenarioAsync(string script, params string[] arguments)
    {
        var result = await ExternalCommand.PythonAsync(script, Server.Endpoint, TestContext.Current.CancellationToken, arguments);
        Assert.True(result.ExitCode == 0, $"{script} failed:\n{result}\n--- server output\n{Server.Output}");
        return result;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "shared server";
}
