using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>A dataset group with an interactions dataset, made through the API for tests about other pages.</summary>
public static class ConsoleGroup
{
    public static async Task<string> CreateAsync(ConsoleServer fixture, string name)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var api = new ControlPlaneClient(fixture.Server.Endpoint);
        var timeout = TimeSpan.FromSeconds(30);
        var group = await api.CreateActiveAsync("CreateDatasetGroup", new { name }, "datasetGroupArn", timeout, cancellationToken);
        var schema = (await api.CallAsync("CreateSchema", new { name = $"{name}-interactions", schema = Schemas.Interactions }, cancellationToken))
            .GetProperty("schemaArn").GetString();
        await api.CreateActiveAsync("CreateDataset", new { name = $"{name}-interactions", schemaArn = schema, datasetGroupArn = group, datasetType = "Interactions" },
            "datasetArn", timeout, cancellationToken);
        return group;
    }

    /// <summary>The console URL of a page scoped to <paramref name="group"/>.</summary>
    public static string Page(string route, string group) => $"/console/{route}?group={Uri.EscapeDataString(group)}";
}
