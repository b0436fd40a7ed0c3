using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>The AWS CLI (v1) against the server: the foundation's main path and one error.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class AwsCliTests(SharedServer shared)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_cli_creates_a_group_schema_dataset_and_import_and_tags_them()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var groupArn = (await AwsAsync("create-dataset-group", "--name", $"cli-{suffix}")).GetProperty("datasetGroupArn").GetString()!;
        Assert.EndsWith($":dataset-group/cli-{suffix}", groupArn, StringComparison.Ordinal);
        await WaitActiveAsync(["describe-dataset-group", "--dataset-group-arn", groupArn], "datasetGroup");
        var groups = await AwsAsync("list-dataset-groups");
        Assert.Contains(groups.GetProperty("datasetGroups").EnumerateArray(), g => g.GetProperty("datasetGroupArn").GetString() == groupArn);

        var schemaFile = Path.Combine(shared.Server.DataDirectory, $"cli-schema-{suffix}.json");
        await File.WriteAllTextAsync(schemaFile, Schemas.Interactions, TestContext.Current.CancellationToken);
        var schemaArn = (await AwsAsync("create-schema", "--name", $"cli-schema-{suffix}", "--schema", $"file://{schemaFile}"))
            .GetProperty("schemaArn").GetString()!;
        var datasetArn = (await AwsAsync(
            "create-dataset", "--name", $"cli-ds-{suffix}", "--dataset-group-arn", groupArn,
            "--dataset-type", "Interactions", "--schema-arn", schemaArn)).GetProperty("datasetArn").GetString()!;
        await WaitActiveAsync(["describe-dataset", "--dataset-arn", datasetArn], "dataset");

        var objectFolder = Path.Combine(shared.Server.ObjectRoot, $"cli-{suffix}");
        Directory.CreateDirectory(objectFolder);
        File.Copy(Path.Combine(RepositoryPaths.Data, "ml-latest-small", "interactions.csv"), Path.Combine(objectFolder, "interactions.csv"));
        var jobArn = (await AwsAsync(
            "create-dataset-import-job", "--job-name", $"cli-job-{suffix}", "--dataset-arn", datasetArn,
            "--data-source", $"dataLocation=s3://cli-{suffix}/interactions.csv")).GetProperty("datasetImportJobArn").GetString()!;
        var job = await WaitActiveAsync(["describe-dataset-import-job", "--dataset-import-job-arn", jobArn], "datasetImportJob");
        Assert.Equal("FULL", job.GetProperty("importMode").GetString());

        await AwsAsync("tag-resource", "--resource-arn", datasetArn, "--tags", "tagKey=owner,tagValue=cli", "tagKey=env,tagValue=test");
        var tags = (await AwsAsync("list-tags-for-resource", "--resource-arn", datasetArn)).GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tagKey").GetString()!, t => t.GetProperty("tagValue").GetString()!);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "cli", ["env"] = "test" }, tags);
    }

    [Fact]
    public async Task The_cli_exits_non_zero_and_names_the_error()
    {
        var missing = "arn:aws:personalize:us-east-1:000000000000:dataset-group/cli-missing";
        var result = await ExternalCommand.AwsAsync(
            shared.Server.Endpoint, TestContext.Current.CancellationToken, "personalize", "describe-dataset-group", "--dataset-group-arn", missing);
        Assert.True(result.ExitCode != 0, $"describe of a missing group succeeded:\n{result}");
        Assert.Contains("ResourceNotFoundException", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(missing, result.StandardError, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AwsAsync(params string[] arguments)
    {
        var result = await ExternalCommand.AwsAsync(
            shared.Server.Endpoint, TestContext.Current.CancellationToken, ["personalize", .. arguments]);
        Assert.True(result.ExitCode == 0, $"aws personalize {string.Join(' ', arguments)}:\n{result}\n--- server output\n{shared.Server.Output}");
        using var document = JsonDocument.Parse(result.StandardOutput.Length == 0 ? "{}" : result.StandardOutput);
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> WaitActiveAsync(string[] describe, string member)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var resource = (await AwsAsync(describe)).GetProperty(member);
            var status = resource.GetProperty("status").GetString();
            if (status == "ACTIVE")
            {
                return resource;
            }
            Assert.True(status is "CREATE PENDING" or "CREATE IN_PROGRESS" && DateTime.UtcNow < deadline,
                $"{string.Join(' ', describe)} is {status}: {resource}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
