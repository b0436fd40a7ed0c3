using Amazon.S3;
using Attune.Grains.Imports;
using Attune.Grains.Lifecycle;
using Attune.Grains.Live;
using Attune.Grains.OnlineMetrics;
using Attune.Grains.Recommenders;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Actions;
using Attune.Grains.Serving.Shards;
using Attune.Grains.Training;
using Attune.Server.Attribution;
using Attune.Server.ControlPlane;
using Attune.Server.Events;
using Attune.Server.Health;
using Attune.Server.Observability;
using Attune.Server.Quotas;
using Attune.Server.Runtime;
using Attune.Server.Training;
using Attune.Server.Wire;
using Attune.Storage;
using Attune.Storage.Objects;
using Attune.Storage.Postgres;

namespace Attune.Server.Hosting;

/// <summary>
/// Attune's own services: the stores, the operation families and the front door in every role, plus what only
/// grains use (deletion and activation handlers, import locks, crash recovery, automatic training) where this
/// process is a silo.
/// </summary>
internal static class ServiceRegistration
{
    public static void AddAttune(this IServiceCollection services, AttuneOptions attune, ClusterModeOptions mode)
    {
        services.AddSingleton(mode);
        services.AddSingleton(TimeProvider.System);
        services.AddStores(attune, mode);
        services.AddFrontDoor();
        services.AddServing(mode);
        services.AddAttuneHealthChecks(mode);
        if (mode.Role == ServerRole.Silo)
        {
            services.AddSiloServices();
        }
    }

    /// <summary>s3:// on the configured S3-compatible service, else in the object root; file:// reads by the local rules.</summary>
    private static IObjectStore ObjectStore(AttuneOptions attune)
    {
        var local = new LocalObjectStore(attune.Sources());
        if (string.IsNullOrWhiteSpace(attune.S3.Endpoint))
        {
            return local;
        }

        var client = new AmazonS3Client(new AmazonS3Config
        {
            ServiceURL = attune.S3.Endpoint,
            ForcePathStyle = attune.S3.ForcePathStyle,
            AuthenticationRegion = attune.S3.Region,
            // Checksums only where S3 requires them: S3-compatible stores do not all accept the SDK's default trailers.
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        });
        return new S3ObjectStore(client, local);
    }

    /// <summary>
    /// The one place that picks the stores: the registry, datasets and model artifacts in PostgreSQL in cluster mode,
    /// SQLite files under the data directory otherwise. The object root (s3:// locations) is a folder in both.
    /// </summary>
    private static void AddStores(this IServiceCollection services, AttuneOptions attune, ClusterModeOptions mode)
    {
        Directory.CreateDirectory(attune.FullDataDir);
        Directory.CreateDirectory(attune.FullObjectRoot);
        services.AddSingleton(new StorageLocations(attune.FullDataDir));
        services.AddSingleton(attune.Sources());
        services.AddSingleton<IObjectStore>(ObjectStore(attune));
        if (mode.IsCluster)
        {
            services.AddAttunePostgresStores(mode.ConnectionString!);
        }
        else
        {
            services.AddAttuneSqliteStores(attune.FullDataDir);
        }
    }

    private static void AddFrontDoor(this IServiceCollection services)
    {
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<QuotaTable>();
        services.AddSingleton<ResourceQuotas>();
        services.AddSingleton<RequestRates>();
        services.AddSingleton<Resources>();
        services.AddSingleton<IOperationFamily, DatasetGroupOperations>();
        services.AddSingleton<IOperationFamily, SchemaOperations>();
        services.AddSingleton<IOperationFamily, DatasetOperations>();
        services.AddSingleton<IOperationFamily, TagOperations>();
        services.AddSingleton<IOperationFamily, RecipeOperations>();
        services.AddSingleton<IOperationFamily, AlgorithmOperations>();
        services.AddSingleton<IOperationFamily, DatasetImportJobOperations>();
        services.AddSingleton<IOperationFamily, DatasetExportJobOperations>();
        services.AddSingleton<IOperationFamily, DataDeletionJobOperations>();
        services.AddSingleton<IOperationFamily, BatchInferenceJobOperations>();
        services.AddSingleton<IOperationFamily, BatchSegmentJobOperations>();
        services.AddSingleton<IOperationFamily, SolutionOperations>();
        services.AddSingleton<IOperationFamily, SolutionVersionOperations>();
        services.AddSingleton<SolutionVersionFactory>();
        services.AddOptions<AutoTrainingOptions>().BindConfiguration(AutoTrainingOptions.Section);
        services.AddSingleton<IOperationFamily, CampaignOperations>();
        services.AddSingleton<FilterExpressionCheck>();
        services.AddSingleton<IOperationFamily, RecommenderOperations>();
        services.AddSingleton<RecommenderModels>();
        services.AddSingleton<TrainingColumnsCheck>();
        services.AddSingleton<IOperationFamily, FilterOperations>();
        services.AddSingleton<IOperationFamily, EventTrackerOperations>();
        services.AddSingleton<IOperationFamily, MetricAttributionOperations>();
        services.AddOptions<AttributionOptions>().BindConfiguration(AttributionOptions.Section);
        services.AddSingleton<AttributionReports>();
        services.AddSingleton<AttributionMetricsExport>();
        services.AddHostedService<AttributionPublisher>();
        services.AddOptions<OnlineMetricsOptions>().BindConfiguration(OnlineMetricsOptions.Section);
        services.AddSingleton<OnlineMetricsBuffer>();
        services.AddHostedService<OnlineMetricsFlushService>();
        services.AddSingleton<IOperationFamily, EntityOperations>();
        services.AddSingleton<EventTrackers>();
        services.AddSingleton<IOperationFamily, EventOperations>();
        services.AddSingleton<IOperationFamily, ActionInteractionOperations>();
        services.AddSingleton<IOperationFamily, RuntimeOperations>();
        services.AddSingleton<IOperationFamily, ActionRuntimeOperations>();
        services.AddSingleton<OperationHandlers>();
        services.AddSingleton<ApiPipeline>();
    }

    /// <summary>The serving path and the live path: what campaign, shard, user and item grains use, and how the front door reaches them.</summary>
    private static void AddServing(this IServiceCollection services, ClusterModeOptions mode)
    {
        services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section);
        services.AddLiveHistories(mode);
        services.AddSingleton<CampaignDeployments>();
        services.AddSingleton<FilterCache>();
        services.AddSingleton<RecommendationEngine>();
        services.AddSingleton<ActionRecommender>();
        services.AddSingleton<ICampaignServing, CampaignGrainServing>();
        services.AddSingleton<InProcessModelShards>();
        services.AddSingleton<IModelShards, GrainModelShards>();
        services.AddSingleton<ILiveEvents, GrainLiveEvents>();
        services.AddSingleton<ItemActivityBuffer>();
        services.AddHostedService<ItemActivityFlushService>();
        services.AddSingleton<ILiveEventStore, StoredLiveEvents>();
        services.AddSingleton<CatalogueFreshness>();
        services.AddSingleton<IEntityChanges>(provider => provider.GetRequiredService<CatalogueFreshness>());
        services.AddSingleton<IItemActivitySource, ItemGrainActivity>();
    }

    /// <summary>
    /// Users' live events: held in this process in embedded mode (every event passes through it), in UserGrains in a
    /// cluster (any silo may take a user's events).
    /// </summary>
    private static void AddLiveHistories(this IServiceCollection services, ClusterModeOptions mode)
    {
        services.AddSingleton<UserGrainHistories>();
        if (mode.IsCluster)
        {
            services.AddSingleton<ILiveHistories>(provider => provider.GetRequiredService<UserGrainHistories>());
            services.AddSingleton<ILiveHistoryWriter>(provider => provider.GetRequiredService<UserGrainHistories>());
            return;
        }
        services.AddSingleton<InProcessHistories>();
        services.AddSingleton<ILiveHistories>(provider => provider.GetRequiredService<InProcessHistories>());
        services.AddSingleton<ILiveHistoryWriter>(provider => provider.GetRequiredService<InProcessHistories>());
    }

    private static void AddSiloServices(this IServiceCollection services)
    {
        services.AddSingleton<ImportGates>();
        services.AddSingleton<IResourceDeletionHandler, DatasetDeletion>();
        services.AddSingleton<IResourceDeletionHandler, DatasetGroupDeletion>();
        services.AddSingleton<IResourceDeletionHandler, SolutionDeletion>();
        services.AddSingleton<IResourceActivationHandler, CampaignActivation>();
        services.AddSingleton<IResourceActivationHandler, DatasetGroupActivation>();
        services.AddSingleton<IResourceDeletionHandler, CampaignRetirement>();
        services.AddSingleton<RecommenderRetraining>();
        services.AddSingleton<IResourceActivationHandler, RecommenderActivation>();
        services.AddSingleton<IResourceStopHandler, RecommenderStop>();
        services.AddSingleton<IResourceDeletionHandler, RecommenderDeletion>();
        services.AddHostedService<RecoveryService>();
        services.AddSingleton<IAutomaticVersions, AutomaticVersions>();
        services.AddHostedService<AutoTrainingService>();
        services.AddHostedService<CatalogueFreshnessService>();
        services.AddSingleton<HeldSlices>();
        services.AddSingleton<ModelMemoryMetrics>();
    }
}
