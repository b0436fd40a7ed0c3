using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// Bugs the end-to-end tests once found, each kept as a small reproduction that asserts the behaviour the API
/// reference requires.
/// </summary>
public sealed class LifecycleRegressionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static readonly (string Type, string Schema)[] DatasetSchemas =
        [("Interactions", Schemas.Interactions), ("Items", Schemas.Items), ("Users", Schemas.Users)];

    /// <summary>
    /// Once a bug: on a data directory where no import ever ran there is no datasets/ folder, and
    /// DatasetGroupDeletion (SqliteDatasetStore.Delete) throws DirectoryNotFoundException, so the group stays
    /// DELETE IN_PROGRESS forever (also after a restart). Expected: the group goes away.
    /// </summary>
    [Fact]
    public async Task Deleting_a_group_on_a_fresh_server_finishes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var group = await CreateGroupAsync(client, "fresh-delete", ct);
        await client.CallAsync("DeleteDatasetGroup", new { datasetGroupArn = group }, ct);
        await client.WaitGoneAsync("DescribeDatasetGroup", "datasetGroupArn", group, Timeout, () => server.Output, ct);
    }

    /// <summary>
    /// Once a bug: DeleteDatasetGroup is accepted while the group's datasets are still DELETE PENDING (the
    /// dependents check skips deleting children), so the group's database can be removed under a dataset's
    /// delete handler, which then fails ('no such table: imports' / 'disk I/O error') and leaves the dataset
    /// DELETE IN_PROGRESS with no group, retried and failing on every restart. Expected: ResourceInUseException
    /// until the datasets are gone, or a group delete that also finishes its datasets.
    /// </summary>
    [Fact]
    public async Task Datasets_deleted_just_before_their_group_do_not_stay_deleting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        await InteractionsCsv.WriteAsync(Path.Combine(server.ObjectRoot, "race", "interactions.csv"), 50_000, ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var datasets = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            var group = await CreateGroupAsync(client, $"race-{round}", ct);
            var mine = new List<string>();
            foreach (var (type, schema) in DatasetSchemas)
            {
                var schemaArn = (await client.CallAsync("CreateSchema", new { name = $"race-{round}-{type}", schema }, ct))
                    .GetProperty("schemaArn").GetString()!;
                var dataset = (await client.CallAsync("CreateDataset", new
                {
                    name = $"race-{round}-{type}", datasetGroupArn = group, datasetType = type, schemaArn,
                }, ct)).GetProperty("datasetArn").GetString()!;
                await client.WaitSettledAsync("DescribeDataset", "datasetArn", "dataset", dataset, Timeout, ct);
                mine.Add(dataset);
            }
            var job = (await client.CallAsync("CreateDatasetImportJob", new
            {
                jobName = $"race-{round}", datasetArn = mine[0], dataSource = new { dataLocation = "s3://race/interactions.csv" },
            }, ct)).GetProperty("datasetImportJobArn").GetString()!;
            await client.WaitSettledAsync("DescribeDatasetImportJob", "datasetImportJobArn", "datasetImportJob", job, Timeout, ct);
            foreach (var dataset in mine)
            {
                await client.CallAsync("DeleteDataset", new { datasetArn = dataset }, ct);
            }
            // The API reference: the group may only go once its datasets are gone; refusing here is also correct.
            await client.TryCallAsync("DeleteDatasetGroup", new { datasetGroupArn = group }, ct);
            datasets.AddRange(mine);
        }
        try
        {
            foreach (var dataset in datasets)
            {
                await client.WaitGoneAsync("DescribeDataset", "datasetArn", dataset, Timeout, () => server.Output, ct);
            }
        }
        catch (HttpRequestException error)
        {
            Assert.Fail($"The server stopped answering ({error.Message}):\n{server.Output}");
        }
    }

    /// <summary>
    /// SERVER BUG (per aws-personalize.md §3.1, "the record name must match the dataset type it is used for"):
    /// a schema whose record is named Widgets is accepted by CreateSchema (fine: its type is unknown there) and
    /// then also by CreateDataset for an Interactions dataset. Expected: CreateDataset answers InvalidInputException.
    /// </summary>
    [Fact]
    public async Task A_schema_record_named_for_no_dataset_type_does_not_fit_a_dataset()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var group = await CreateGroupAsync(client, "widgets", ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new
        {
            name = "widgets", schema = Schemas.Interactions.Replace("\"name\":\"Interactions\"", "\"name\":\"Widgets\"", StringComparison.Ordinal),
        }, ct)).GetProperty("schemaArn").GetString()!;
        var (accepted, body) = await client.TryCallAsync("CreateDataset", new
        {
            name = "widgets", datasetGroupArn = group, datasetType = "Interactions", schemaArn,
        }, ct);
        Assert.False(accepted, $"CreateDataset accepted a Widgets record schema for Interactions: {body}");
        Assert.Equal("InvalidInputException", body.GetProperty("__type").GetString());
    }

    private static async Task<string> CreateGroupAsync(ControlPlaneClient client, string name, CancellationToken ct)
    {
        var arn = (await client.CallAsync("CreateDatasetGroup", new { name }, ct)).GetProperty("datasetGroupArn").GetString()!;
        await client.WaitSettledAsync("DescribeDatasetGroup", "datasetGroupArn", "datasetGroup", arn, Timeout, ct);
        return arn;
    }
}
