using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Bench.Load;

namespace Attune.Bench.InProcess;

/// <summary>
/// A user-personalization campaign on generated data: <see cref="Users"/> users with 20 views each over
/// <see cref="Items"/> items, and "heavy", who rated <see cref="HeavyRatings"/> items; an EXCLUDE-rated filter.
/// </summary>
internal sealed record BenchCampaign(string CampaignArn, string UnratedFilterArn, string TrackingId)
{
    public const int Users = 500;
    public const int Items = 2_000;
    public const int HeavyRatings = 5_000;
    private const long Now = 1_700_000_000;

    private const string Schema = """
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
         {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
         {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}
        """;

    public static async Task<BenchCampaign> CreateAsync(ControlPlane control, string objectRoot)
    {
        WriteInteractions(Path.Combine(objectRoot, "bench", "interactions.csv"));
        var group = (await control.CallAsync("CreateDatasetGroup", new JsonObject { ["name"] = "inprocess" }))["datasetGroupArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDatasetGroup", "datasetGroupArn", group, "datasetGroup", TimeSpan.FromMinutes(1));
        var schema = (await control.CallAsync("CreateSchema", new JsonObject { ["name"] = "inprocess", ["schema"] = Schema }))["schemaArn"]!.GetValue<string>();
        var dataset = (await control.CallAsync("CreateDataset", new JsonObject
        {
            ["name"] = "inprocess", ["datasetGroupArn"] = group, ["datasetType"] = "Interactions", ["schemaArn"] = schema,
        }))["datasetArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDataset", "datasetArn", dataset, "dataset", TimeSpan.FromMinutes(1));
        var job = (await control.CallAsync("CreateDatasetImportJob", new JsonObject
        {
            ["jobName"] = "inprocess", ["datasetArn"] = dataset,
            ["dataSource"] = new JsonObject { ["dataLocation"] = "s3://bench/interactions.csv" },
        }))["datasetImportJobArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeDatasetImportJob", "datasetImportJobArn", job, "datasetImportJob", TimeSpan.FromMinutes(5));
        var solution = (await control.CallAsync("CreateSolution", new JsonObject
        {
            ["name"] = "inprocess", ["datasetGroupArn"] = group, ["performAutoTraining"] = false,
            ["recipeArn"] = "arn:aws:personalize:::recipe/aws-user-personalization",
        }))["solutionArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeSolution", "solutionArn", solution, "solution", TimeSpan.FromMinutes(1));
        var version = (await control.CallAsync("CreateSolutionVersion", new JsonObject { ["solutionArn"] = solution }))["solutionVersionArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeSolutionVersion", "solutionVersionArn", version, "solutionVersion", TimeSpan.FromMinutes(10));
        var filter = (await control.CallAsync("CreateFilter", new JsonObject
        {
            ["name"] = "unrated", ["datasetGroupArn"] = group,
            ["filterExpression"] = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rating\")",
        }))["filterArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeFilter", "filterArn", filter, "filter", TimeSpan.FromMinutes(1));
        var campaign = (await control.CallAsync("CreateCampaign", new JsonObject { ["name"] = "inprocess", ["solutionVersionArn"] = version }))["campaignArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeCampaign", "campaignArn", campaign, "campaign", TimeSpan.FromMinutes(5));
        var tracker = (await control.CallAsync("CreateEventTracker", new JsonObject { ["name"] = "inprocess", ["datasetGroupArn"] = group }))["eventTrackerArn"]!.GetValue<string>();
        await control.WaitActiveAsync("DescribeEventTracker", "eventTrackerArn", tracker, "eventTracker", TimeSpan.FromMinutes(1));
        var trackingId = (await control.CallAsync("DescribeEventTracker", new JsonObject { ["eventTrackerArn"] = tracker }))["eventTracker"]!["trackingId"]!.GetValue<string>();
        return new BenchCampaign(campaign, filter, trackingId);
    }

    private static void WriteInteractions(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(42);
        var csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (int u = 0; u < Users; u++)
        {
            for (int k = 0; k < 20; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"u{u},i{random.Next(Items)},{Now - 86400 * 50 + u * 100 + k},view,\n");
            }
        }
        for (int k = 0; k < HeavyRatings; k++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"heavy,i{random.Next(Items)},{Now - 86400 * 40 + k},rating,{1 + k % 5}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }
}
