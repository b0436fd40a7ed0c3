using Attune.Server.ControlPlane;
using Attune.Server.Events;
using Attune.Server.Hosting;
using Attune.Server.Runtime;
using Attune.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Attune.Storage.Artifacts;
using Attune.Storage.Catalog;

namespace Attune.Server.Tests;

/// <summary>The registered operations are real Personalize operations, and the foundation's are all there.</summary>
public sealed class OperationCoverageTests
{
    private static readonly string[] Implemented =
    [
        "CreateDatasetGroup", "DescribeDatasetGroup", "ListDatasetGroups", "DeleteDatasetGroup",
        "CreateSchema", "DescribeSchema", "ListSchemas", "DeleteSchema",
        "CreateDataset", "DescribeDataset", "ListDatasets", "UpdateDataset", "DeleteDataset",
        "CreateDatasetImportJob", "DescribeDatasetImportJob", "ListDatasetImportJobs",
        "TagResource", "UntagResource", "ListTagsForResource", "ListRecipes", "DescribeRecipe",
        "CreateSolution", "DescribeSolution", "ListSolutions", "UpdateSolution", "DeleteSolution",
        "CreateSolutionVersion", "DescribeSolutionVersion", "ListSolutionVersions", "StopSolutionVersionCreation", "GetSolutionMetrics",
        "CreateCampaign", "DescribeCampaign", "ListCampaigns", "UpdateCampaign", "DeleteCampaign",
        "CreateFilter", "DescribeFilter", "ListFilters", "DeleteFilter",
        "CreateEventTracker", "DescribeEventTracker", "ListEventTrackers", "DeleteEventTracker",
        "PutItems", "PutUsers", "PutEvents", "GetRecommendations", "GetPersonalizedRanking",
    ];

    [Fact]
    public void Every_registered_operation_exists_in_the_service_model()
    {
        foreach (var name in Registry().Names)
        {
            Assert.True(
                ServiceModel.ServiceModel.Personalize.TryGetOperation(name, out _)
                || ServiceModel.ServiceModel.PersonalizeRuntime.TryGetOperation(name, out _)
                || ServiceModel.ServiceModel.PersonalizeEvents.TryGetOperation(name, out _),
                $"{name} is not an operation of any Personalize service model.");
        }
    }

    [Fact]
    public void The_operations_of_the_landed_milestones_are_implemented() =>
        Assert.All(Implemented, name => Assert.True(Registry().Names.Contains(name), $"{name} is not registered."));

    private static OperationRegistry Registry()
    {
        using var temp = new TempFolder();
        var resources = new Resources(new SqliteCatalog(Path.Combine(temp.Path, "c.db")), null!);
        var locations = new SqliteDatasetStores(temp.Path);
        return new OperationRegistry(
        [
            new DatasetGroupOperations(resources), new SchemaOperations(resources), new DatasetOperations(resources),
            new DatasetImportJobOperations(resources, locations, Options.Create(new AttuneOptions())), new TagOperations(resources), new RecipeOperations(),
            new SolutionOperations(resources), new SolutionVersionOperations(resources, new SolutionVersionFactory(resources), new ModelArtifacts(temp.Path), null!),
            new CampaignOperations(resources), new FilterOperations(resources), new EventTrackerOperations(resources), new EventOperations(null!, null!, [], null!), new RuntimeOperations(null!), new EntityOperations(resources, locations, null!),
        ]);
    }
}
