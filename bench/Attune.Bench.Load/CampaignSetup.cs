using System.Text.Json.Nodes;

namespace Attune.Bench.Load;

/// <summary>What the load needs from the setup: the campaign, a genre filter, the real user ids and the genres.</summary>
internal sealed record BenchCampaign(string CampaignArn, string FilterArn, IReadOnlyList<string> UserIds, IReadOnlyList<string> Genres, int Items);

/// <summary>Builds a user-personalization campaign through the control plane from interactions.csv and items.csv.</summary>
internal static class CampaignSetup
{
    private const string InteractionsSchema = """
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
         {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
         {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}
        """;

    private const string ItemsSchema = """
        {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[
         {"name":"ITEM_ID","type":"string"},{"name":"TITLE","type":"string"},
         {"name":"GENRES","type":["null","string"],"categorical":true},{"name":"CREATION_TIMESTAMP","type":["null","long"]}],"version":"1.0"}
        """;

    /// <summary>The campaign, trained with the solution's <paramref name="hyperParameters"/> (algorithmHyperParameters; null: the recipe's defaults).</summary>
    public static async Task<BenchCampaign> CreateAsync(ControlPlane control, string interactionsCsv, string itemsCsv, JsonObject? hyperParameters = null)
    {
        var group = (await control.CallAsync("CreateDatasetGroup", new JsonObject { ["name"] = "load" }))["datasetGroupArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDatasetGroup", "datasetGroupArn", group, "datasetGroup", TimeSpan.FromMinutes(1));
        await ImportAsync(control, group, "Interactions", InteractionsSchema, interactionsCsv);
        await ImportAsync(control, group, "Items", ItemsSchema, itemsCsv);

        var solution = (await control.CallAsync("CreateSolution", new JsonObject
        {
            ["name"] = "load",
            ["datasetGroupArn"] = group,
            ["recipeArn"] = "arn:aws:personalize:::recipe/aws-user-personalization",
            ["solutionConfig"] = hyperParameters is null ? null : new JsonObject { ["algorithmHyperParameters"] = hyperParameters },
        }))["solutionArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeSolution", "solutionArn", solution, "solution", TimeSpan.FromMinutes(1));
        var version = (await control.CallAsync("CreateSolutionVersion", new JsonObject { ["solutionArn"] = solution }))["solutionVersionArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeSolutionVersion", "solutionVersionArn", version, "solutionVersion", TimeSpan.FromMinutes(60));

        var filter = (await control.CallAsync("CreateFilter", new JsonObject
        {
            ["name"] = "genre",
            ["datasetGroupArn"] = group,
            ["filterExpression"] = "INCLUDE ItemID WHERE Items.GENRES IN ($GENRES)",
        }))["filterArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeFilter", "filterArn", filter, "filter", TimeSpan.FromMinutes(1));
        var campaign = (await control.CallAsync("CreateCampaign", new JsonObject { ["name"] = "load", ["solutionVersionArn"] = version }))["campaignArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeCampaign", "campaignArn", campaign, "campaign", TimeSpan.FromMinutes(10));

        var users = File.ReadLines(interactionsCsv).Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]).Distinct().ToList();
        var genres = File.ReadLines(itemsCsv).Skip(1).SelectMany(GenresOf).Distinct().Where(g => g.Length > 0).ToList();
        return new BenchCampaign(campaign, filter, users, genres, File.ReadLines(itemsCsv).Count() - 1);
    }

    /// <summary>Another campaign on <paramref name="campaign"/>'s solution version with its own campaignConfig (same users, filter, genres).</summary>
    public static async Task<BenchCampaign> AddCampaignAsync(ControlPlane control, BenchCampaign campaign, string name, JsonObject campaignConfig)
    {
        var described = await control.CallAsync("DescribeCampaign", new JsonObject { ["campaignArn"] = campaign.CampaignArn });
        var version = described["campaign"]!["solutionVersionArn"]!.GetValue<string>();
        var arn = (await control.CallAsync("CreateCampaign", new JsonObject
        {
            ["name"] = name,
            ["solutionVersionArn"] = version,
            ["campaignConfig"] = campaignConfig,
        }))["campaignArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeCampaign", "campaignArn", arn, "campaign", TimeSpan.FromMinutes(10));
        return campaign with { CampaignArn = arn };
    }

    private static async Task ImportAsync(ControlPlane control, string group, string type, string schemaJson, string csv)
    {
        var schema = (await control.CallAsync("CreateSchema", new JsonObject { ["name"] = "load-" + type, ["schema"] = schemaJson }))["schemaArn"]!.GetValue<string>();
        var dataset = (await control.CallAsync("CreateDataset", new JsonObject
        {
            ["name"] = "load-" + type,
            ["datasetGroupArn"] = group,
            ["datasetType"] = type,
            ["schemaArn"] = schema,
        }))["datasetArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDataset", "datasetArn", dataset, "dataset", TimeSpan.FromMinutes(1));
        var job = (await control.CallAsync("CreateDatasetImportJob", new JsonObject
        {
            ["jobName"] = "load-" + type,
            ["datasetArn"] = dataset,
            ["dataSource"] = new JsonObject { ["dataLocation"] = new Uri(Path.GetFullPath(csv)).AbsoluteUri },
        }))["datasetImportJobArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDatasetImportJob", "datasetImportJobArn", job, "datasetImportJob", TimeSpan.FromMinutes(30));
    }

    /// <summary>The GENRES column (third field; titles before it may be quoted and contain commas).</summary>
    private static IEnumerable<string> GenresOf(string line)
    {
        int end = line.LastIndexOf(',');
        int start = line.LastIndexOf(',', end - 1) + 1;
        return line[start..end].Split('|');
    }
}
