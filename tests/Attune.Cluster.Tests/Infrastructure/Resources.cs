using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>Builds resources step by step through a rotating list of processes, so every step may land on another one.</summary>
public sealed class Resources(IReadOnlyList<ControlPlaneClient> clients, CancellationToken cancellationToken)
{
    public const string PopularityRecipe = "arn:aws:personalize:::recipe/aws-popularity-count";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private int _next;

    /// <summary>The client the next step goes through.</summary>
    public ControlPlaneClient Next() => clients[_next++ % clients.Count];

    public Task<string> ActiveAsync(string create, object input, string arnMember) =>
        Next().CreateActiveAsync(create, input, arnMember, Settle, cancellationToken);

    public async Task<string> SchemaAsync(string name, string schema) =>
        (await Next().CallAsync("CreateSchema", new { name, schema }, cancellationToken)).GetProperty("schemaArn").GetString()!;

    /// <summary>A dataset group with interactions from s3://<paramref name="name"/>/interactions.csv and an Items dataset.</summary>
    public async Task<(string Group, string Items)> DatasetGroupWithDataAsync(string name)
    {
        var group = await ActiveAsync("CreateDatasetGroup", new { name }, "datasetGroupArn");
        var interactions = await ActiveAsync("CreateDataset", new
        {
            name = $"{name}-interactions", datasetGroupArn = group, datasetType = "Interactions",
            schemaArn = await SchemaAsync($"{name}-interactions", Schemas.Interactions),
        }, "datasetArn");
        var items = await ActiveAsync("CreateDataset", new
        {
            name = $"{name}-items", datasetGroupArn = group, datasetType = "Items",
            schemaArn = await SchemaAsync($"{name}-items", Schemas.Items),
        }, "datasetArn");
        await ActiveAsync("CreateDatasetImportJob", new
        {
            jobName = $"{name}-import", datasetArn = interactions,
            dataSource = new { dataLocation = $"s3://{name}/interactions.csv" },
            roleArn = "arn:aws:iam::000000000000:role/unused",
        }, "datasetImportJobArn");
        return (group, items);
    }

    /// <summary>
    /// A solution (popularity-count unless said otherwise, with the given algorithmHyperParameters) trained on the
    /// group's data and deployed as an ACTIVE campaign (without exploration when hyperparameters are given, so its
    /// answers are deterministic).
    /// </summary>
    public async Task<string> CampaignAsync(string name, string group, string recipeArn = PopularityRecipe,
        IReadOnlyDictionary<string, string>? hyperParameters = null)
    {
        var solution = hyperParameters is null
            ? await ActiveAsync("CreateSolution", new { name, datasetGroupArn = group, recipeArn }, "solutionArn")
            : await ActiveAsync("CreateSolution",
                new { name, datasetGroupArn = group, recipeArn, solutionConfig = new { algorithmHyperParameters = hyperParameters } }, "solutionArn");
        var version = await ActiveAsync("CreateSolutionVersion", new { solutionArn = solution }, "solutionVersionArn");
        return hyperParameters is null
            ? await ActiveAsync("CreateCampaign", new { name, solutionVersionArn = version, minProvisionedTPS = 1 }, "campaignArn")
            : await ActiveAsync("CreateCampaign", new
            {
                name, solutionVersionArn = version, minProvisionedTPS = 1,
                campaignConfig = new { itemExplorationConfig = new Dictionary<string, string> { ["explorationWeight"] = "0" } },
            }, "campaignArn");
    }
}
