using Attune.Grains.Imports;
using Attune.Grains.Lifecycle;
using Attune.Grains.Live;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Server.ControlPlane;
using Attune.Server.Events;
using Attune.Server.Observability;
using Attune.Server.Runtime;
using Attune.Server.Training;
using Attune.Server.Wire;
using Attune.Storage;

namespace Attune.Server.Hosting;

/// <summary>Attune's own services: the catalog, the operation families and the front door.</summary>
internal static class ServiceRegistration
{
    public static void AddAttune(this IServiceCollection services, AttuneOptions attune)
    {
        Directory.CreateDirectory(attune.FullDataDir);
        Directory.CreateDirectory(attune.FullObjectRoot);
        services.AddSingleton(TimeProvider.System);
        services.AddAttuneSqliteStores(attune.FullDataDir);
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<Resources>();
        services.AddSingleton<IOperationFamily, DatasetGroupOperations>();
        services.AddSingleton<IOperationFamily, SchemaOperations>();
        services.AddSingleton<IOperationFamily, DatasetOperations>();
        services.AddSingleton<IOperationFamily, TagOperations>();
        services.AddSingleton<IOperationFamily, RecipeOperations>();
        services.AddSingleton<IOperationFamily, DatasetImportJobOperations>();
        services.AddSingleton(new StorageLocations(attune.FullDataDir, attune.FullObjectRoot));
        services.AddSingleton<DatasetGroupLocks>();
        services.AddSingleton<IResourceDeletionHandler, DatasetDeletion>();
        services.AddSingleton<IResourceDeletionHandler, EventLogRetirement>(); // before DatasetGroupDeletion removes the file
        services.AddSingleton<IResourceDeletionHandler, DatasetGroupDeletion>();
        services.AddSingleton<IOperationFamily, SolutionOperations>();
        services.AddSingleton<IOperationFamily, SolutionVersionOperations>();
        services.AddSingleton<SolutionVersionFactory>();
        services.AddOptions<AutoTrainingOptions>().BindConfiguration(AutoTrainingOptions.Section);
        services.AddHostedService<AutoTrainingService>();
        services.AddSingleton<IResourceDeletionHandler, SolutionDeletion>();
        services.AddSingleton<IOperationFamily, CampaignOperations>();
        services.AddSingleton<IOperationFamily, FilterOperations>();
        services.AddSingleton<IOperationFamily, EventTrackerOperations>();
        services.AddSingleton<IOperationFamily, EntityOperations>();
        services.AddSingleton<EventTrackers>();
        services.AddSingleton<EventLogs>();
        services.AddSingleton<IOperationFamily, EventOperations>();
        services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section);
        services.AddSingleton<CampaignDeployments>();
        services.AddSingleton<IResourceActivationHandler, CampaignActivation>();
        services.AddSingleton<IResourceDeletionHandler, CampaignRetirement>();
        services.AddSingleton<FilterCache>();
        services.AddSingleton(new RecommendationLog());
        services.AddSingleton<RecommendationEngine>();
        services.AddSingleton<ICampaignServing, CampaignGrainServing>();
        services.AddSingleton<IModelShards, GrainModelShards>();
        services.AddSingleton<ILiveHistories, UserGrainHistories>();
        services.AddSingleton<ILiveEvents, GrainLiveEvents>();
        services.AddSingleton<ILiveEventStore, StoredLiveEvents>();
        services.AddSingleton<IEntityChanges, ServedCatalogueRefresh>();
        services.AddSingleton<IItemActivitySource, ItemGrainActivity>();
        services.AddSingleton<IOperationFamily, RuntimeOperations>();
        services.AddSingleton<OperationRegistry>();
        services.AddSingleton<ApiPipeline>();
        services.AddHostedService<RecoveryService>();
    }
}
