using Attune.Grains.Tests;
using Attune.Server.ControlPlane;
using Attune.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Server.Tests;

/// <summary>
/// The registered operations are real Personalize operations, and the foundation's are all there. Both read the
/// registry the server itself builds (Program.cs's registrations, resolved from the host), so an operation family
/// registered only in DI counts, and one left out of DI fails.
/// </summary>
public sealed class OperationCoverageTests
{
    private static readonly string[] Implemented =
    [
        "CreateDatasetGroup", "DescribeDatasetGroup", "ListDatasetGroups", "DeleteDatasetGroup",
        "CreateSchema", "DescribeSchema", "ListSchemas", "DeleteSchema",
        "CreateDataset", "DescribeDataset", "ListDatasets", "UpdateDataset", "DeleteDataset",
        "CreateDatasetImportJob", "DescribeDatasetImportJob", "ListDatasetImportJobs",
        "CreateBatchInferenceJob", "DescribeBatchInferenceJob", "ListBatchInferenceJobs",
        "CreateBatchSegmentJob", "DescribeBatchSegmentJob", "ListBatchSegmentJobs",
        "TagResource", "UntagResource", "ListTagsForResource", "ListRecipes", "DescribeRecipe",
        "CreateSolution", "DescribeSolution", "ListSolutions", "UpdateSolution", "DeleteSolution",
        "CreateSolutionVersion", "DescribeSolutionVersion", "ListSolutionVersions", "StopSolutionVersionCreation", "GetSolutionMetrics",
        "CreateCampaign", "DescribeCampaign", "ListCampaigns", "UpdateCampaign", "DeleteCampaign",
        "CreateFilter", "DescribeFilter", "ListFilters", "DeleteFilter",
        "CreateEventTracker", "DescribeEventTracker", "ListEventTrackers", "DeleteEventTracker",
        "PutItems", "PutUsers", "PutEvents", "GetRecommendations", "GetPersonalizedRanking",
        "CreateMetricAttribution", "DescribeMetricAttribution", "ListMetricAttributions", "UpdateMetricAttribution",
        "DeleteMetricAttribution", "ListMetricAttributionMetrics",
        "PutActions", "PutActionInteractions", "GetActionRecommendations",
        "CreateRecommender", "DescribeRecommender", "ListRecommenders", "UpdateRecommender", "DeleteRecommender", "StartRecommender", "StopRecommender",
    ];

    [Fact]
    public async Task Every_registered_operation_exists_in_the_service_model()
    {
        foreach (var name in await RegisteredOperations())
        {
            Assert.True(
                ServiceModel.ServiceModel.Personalize.TryGetOperation(name, out _)
                || ServiceModel.ServiceModel.PersonalizeRuntime.TryGetOperation(name, out _)
                || ServiceModel.ServiceModel.PersonalizeEvents.TryGetOperation(name, out _),
                $"{name} is not an operation of any Personalize service model.");
        }
    }

    [Fact]
    public async Task The_operations_of_the_landed_milestones_are_implemented()
    {
        var registered = await RegisteredOperations();
        Assert.All(Implemented, name => Assert.True(registered.Contains(name), $"{name} is not registered."));
    }

    /// <summary>
    /// All 79 operations of the embedded models (personalize 71, personalize-runtime 3, personalize-events 5) have a
    /// handler; UnsupportedOperationException is left for operations a future model adds.
    /// </summary>
    [Fact]
    public async Task Every_operation_of_the_three_service_models_is_registered()
    {
        var registered = await RegisteredOperations();
        var models = new[] { ServiceModel.ServiceModel.Personalize, ServiceModel.ServiceModel.PersonalizeRuntime, ServiceModel.ServiceModel.PersonalizeEvents };
        Assert.Equal([71, 3, 5], models.Select(m => m.Operations.Count));
        var missing = models.SelectMany(m => m.Operations).Select(o => o.Name).Where(name => !registered.Contains(name)).Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} operations have no handler: {string.Join(", ", missing)}");
    }

    /// <summary>The operations of the <see cref="OperationHandlers"/> an embedded silo's host resolves, built but not started.</summary>
    private static async Task<IReadOnlyCollection<string>> RegisteredOperations()
    {
        using var temp = new TempFolder();
        var builder = WebApplication.CreateBuilder();
        var attune = new AttuneOptions { DataDir = temp.Path };
        var mode = new ClusterModeOptions();
        builder.Services.AddAttune(attune, mode);
        builder.AddOrleans(attune, new SiloOptions(), mode);
        await using var host = builder.Build();
        return host.Services.GetRequiredService<OperationHandlers>().Names;
    }
}
