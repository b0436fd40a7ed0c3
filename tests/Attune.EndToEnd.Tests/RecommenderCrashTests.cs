using System.Globalization;
using System.Text;
using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>kill -9 while a recommender trains: after the restart its lifecycle resumes and it becomes ACTIVE and serves.</summary>
public sealed class RecommenderCrashTests
{
    private const string InteractionsSchema =
        """{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}],"version":"1.0"}""";

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_recommender_killed_while_training_becomes_active_after_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ServerProcess();
        await server.StartAsync(ct);
        await WriteShopAsync(Path.Combine(server.ObjectRoot, "crash-rec", "interactions.csv"), ct);
        using var client = new ControlPlaneClient(server.Endpoint);
        var groupArn = await client.CreateActiveAsync("CreateDatasetGroup", new { name = "crash-rec", domain = "ECOMMERCE" }, "datasetGroupArn", SettleTimeout, ct);
        var schemaArn = (await client.CallAsync("CreateSchema", new { name = "crash-rec", schema = InteractionsSchema, domain = "ECOMMERCE" }, ct))
            .GetProperty("schemaArn").GetString()!;
        var datasetArn = await client.CreateActiveAsync("CreateDataset",
            new { name = "crash-rec", datasetGroupArn = groupArn, datasetType = "Interactions", schemaArn }, "datasetArn", SettleTimeout, ct);
        await client.CreateActiveAsync("CreateDatasetImportJob",
            new { jobName = "crash-rec", datasetArn, dataSource = new { dataLocation = "s3://crash-rec/interactions.csv" } },
            "datasetImportJobArn", SettleTimeout, ct);

        var arn = (await client.CallAsync("CreateRecommender", new
        {
            name = "crash-rec", datasetGroupArn = groupArn, recipeArn = "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you",
        }, ct)).GetProperty("recommenderArn").GetString()!;
        var statusAtKill = await StatusAsync(client, arn, ct);
        await server.KillAsync();
        await server.StartAsync(ct);

        var recommender = await client.WaitSettledAsync("DescribeRecommender", "recommenderArn", "recommender", arn, TrainingTimeout, ct);
        Assert.True(recommender.GetProperty("status").GetString() == "ACTIVE",
            $"killed {statusAtKill}, after the restart: {recommender}\n--- server output\n{server.Output}");
        Assert.True(recommender.GetProperty("modelMetrics").TryGetProperty("precision_at_25", out _), $"{recommender}");
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(new Uri(server.Endpoint), "/recommendations"),
            new StringContent(JsonSerializer.Serialize(new { recommenderArn = arn, userId = "u1", numResults = 5 }), Encoding.UTF8, "application/json"), ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode && JsonDocument.Parse(answer).RootElement.GetProperty("itemList").GetArrayLength() == 5, answer);
    }

    private static async Task<string> StatusAsync(ControlPlaneClient client, string arn, CancellationToken ct) =>
        (await client.CallAsync("DescribeRecommender", new { recommenderArn = arn }, ct)).GetProperty("recommender").GetProperty("status").GetString()!;

    /// <summary>800 shoppers in 20 clusters viewing and buying 20 distinct items of their cluster's 40.</summary>
    private static async Task WriteShopAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n");
        for (var user = 0; user < 800; user++)
        {
            for (var step = 0; step < 20; step++)
            {
                var item = (user % 20 * 40) + (((user * 7) + (step * 13)) % 40);
                csv.Append(CultureInfo.InvariantCulture, $"u{user},i{item},{1_700_000_000 + (user * 100) + step},{(step % 5 == 0 ? "Purchase" : "View")}\n");
            }
        }
        await File.WriteAllTextAsync(path, csv.ToString(), ct);
    }
}
