using Attune.Grains.Imports;
using Attune.Grains.Lifecycle;
using Attune.Grains.Serving;
using Attune.Server.ControlPlane;
using Attune.Server.Events;
using Attune.Server.Observability;
using Attune.Server.Runtime;
using Attune.Server.Wire;
using Attune.Storage;
using Attune.Storage.Artifacts;
using Attune.Storage.Catalog;

namespace Attune.Server.Hosting;

/// <summary>
/// Attune's own services: the stores, the operation families and the front door in every role, plus what only
/// grains use (deletion and activation handlers, import locks, crash recovery) where this process is a silo.
/// </summary>
internal static class ServiceRegistration
{
    public static void AddAttune(this IServiceCollection services, AttuneOptions attune, ClusterModeOptions mode)
    {
        services.AddSingleton(mode);
        services.AddSingleton(TimeProvider.System);
        services.AddStores(attune);
        services.AddFrontDoor();
        if (mode.Role == ServerRole.Silo)
        {
            services.AddSiloServices();
        }
    }

    /// <summary>
    /// The one place that picks the stores (cluster-mode stores belong here, chosen by ClusterModeOptions.IsCluster).
    /// The catalog, datasets and model artifacts are the data directory's SQLite files and folders in both modes
    /// for now; processes of a cluster on one host may share one data directory.
    /// </summary>
    private static void AddStores(this IServiceCollection services, AttuneOptions attune)
    {
        Directory.CreateDirectory(attune.FullDataDir);
        Directory.CreateDirectory(attune.FullObjectRoot);
        services.AddSingleton<ICatalog>(_ => new SqliteCatalog(Path.Combine(attune.FullDataDir, "catalog.db")));
        services.AddSingleton(new StorageLocations(attune.FullDataDir, attune.FullObjectRoot));
        services.AddSingleton(new ModelArtifacts(attune.FullDataDir));
    }

    private static void AddFrontDoor(this IServiceCollection services)
    {
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<Resources>();
        services.AddSingleton<IOperationFamily, DatasetGroupOperations>();
        services.AddSingleton<IOperationFamily, SchemaOperations>();
        services.AddSingleton<IOperationFamily, DatasetOperations>();
        services.AddSingleton<IOperationFamily, TagOperations>();
        services.AddSingleton<IOperationFamily, RecipeOperations>();
        services.AddSingleton<IOperationFamily, DatasetImportJobOperations>();
        services.AddSingleton<IOperationFamily, SolutionOperations>();
        services.AddSingleton<IOperationFamily, SolutionVersionOperations>();
        services.AddSingleton<IOperationFamily, CampaignOperations>();
        services.AddSingleton<IOperationFamily, FilterOperations>();
        services.AddSingleton<IOperationFamily, EventTrackerOperations>();
        services.AddSingleton<IOperationFamily, EntityOperations>();
        services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section);
        services.AddSingleton<CampaignDeployments>();
        services.AddSingleton<FilterCache>();
        services.AddSingleton(new RecommendationLog());
        services.AddSingleton<RecommendationEngine>();
        services.AddSingleton<IOperationFamily, RuntimeOperations>();
        services.AddSingleton<OperationRegistry>();
        services.AddSingleton<ApiPipeline>();
    }

    private static void AddSiloServices(this IServiceCollection services)
    {
        services.AddSingleton<DatasetGroupLocks>();
        services.AddSingleton<IResourceDeletionHandler, DatasetDeletion>();
        services.AddSingleton<IResourceDeletionHandler, DatasetGroupDeletion>();
        services.AddSingleton<IResourceDeletionHandler, SolutionDeletion>();
        services.AddSingleton<IResourceActivationHandler, CampaignActivation>();
        services.AddSingleton<IResourceDeletionHandler, CampaignRetirement>();
        services.AddHostedService<RecoveryService>();
    }
}
