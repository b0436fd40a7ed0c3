using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// CreateDatasetImportJob against a server started with --allow-file-imports --file-root: file:// inside the root
/// imports, anything that would read outside it (another folder, a symbolic link out, an s3:// key with '..') is
/// refused at once with InvalidInputException naming the location and the rule.
/// </summary>
public sealed class FileImportTests
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task File_imports_read_inside_the_file_roots_and_nothing_leaves_a_root()
    {
        var ct = TestContext.Current.CancellationToken;
        var fileRoot = Directory.CreateTempSubdirectory("attune-file-root-");
        var outside = Directory.CreateTempSubdirectory("attune-outside-");
        try
        {
            await InteractionsCsv.WriteAsync(Path.Combine(fileRoot.FullName, "shop", "interactions.csv"), 1_500, ct);
            await InteractionsCsv.WriteAsync(Path.Combine(outside.FullName, "secret.csv"), 10, ct);
            File.CreateSymbolicLink(Path.Combine(fileRoot.FullName, "shop", "link.csv"), Path.Combine(outside.FullName, "secret.csv"));
            await using var server = new ServerProcess(extraArguments: ["--allow-file-imports", "--file-root", fileRoot.FullName]);
            await server.StartAsync(ct);
            Directory.CreateSymbolicLink(Path.Combine(server.ObjectRoot, "escape"), outside.FullName);
            using var client = new ControlPlaneClient(server.Endpoint);
            var dataset = await InteractionsDatasetAsync(client, ct);

            var inside = $"file://{fileRoot.FullName}/shop/interactions.csv";
            var job = await client.CallAsync("CreateDatasetImportJob", Import("inside", dataset, inside), ct);
            var imported = await client.WaitSettledAsync(
                "DescribeDatasetImportJob", "datasetImportJobArn", "datasetImportJob", job.GetProperty("datasetImportJobArn").GetString()!, SettleTimeout, ct);
            Assert.True(imported.GetProperty("status").GetString() == "ACTIVE", $"{imported}\n{server.Output}");
            Assert.Equal(1_500, imported.GetProperty("rowsImported").GetInt64());

            foreach (var (location, rule) in new[]
            {
                ($"file://{outside.FullName}/secret.csv", "file:// imports may read only inside the folders named by --file-root"),
                ($"file://{fileRoot.FullName}/shop/link.csv", "a symbolic link on its path leads outside the --file-root folders"),
                ("s3://escape/secret.csv", "a symbolic link on its path leads outside the object root"),
                ("s3://shop/../escape/secret.csv", "must not contain '..' segments"),
                ("s3://shop//etc/passwd", "an s3:// key must not start with '/'"),
            })
            {
                var (ok, error) = await client.TryCallAsync("CreateDatasetImportJob", Import("refused", dataset, location), ct);
                Assert.False(ok, $"{location} was accepted");
                Assert.Equal("InvalidInputException", error.GetProperty("__type").GetString());
                var message = error.GetProperty("message").GetString()!;
                Assert.Contains(location, message, StringComparison.Ordinal);
                Assert.Contains(rule, message, StringComparison.Ordinal);
            }
        }
        finally
        {
            fileRoot.Delete(recursive: true);
            outside.Delete(recursive: true);
        }
    }

    private static object Import(string name, string dataset, string location) =>
        new { jobName = name, datasetArn = dataset, dataSource = new { dataLocation = location } };

    private static async Task<string> InteractionsDatasetAsync(ControlPlaneClient client, CancellationToken ct)
    {
        var group = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "files" }, "datasetGroupArn", SettleTimeout, ct);
        var schema = (await client.CallAsync("CreateSchema", new { name = "files", schema = Schemas.Interactions }, ct)).GetProperty("schemaArn").GetString()!;
        return await client.CreateActiveAsync("CreateDataset", new
        {
            name = "files", datasetGroupArn = group, datasetType = "Interactions", schemaArn = schema,
        }, "datasetArn", SettleTimeout, ct);
    }
}
