using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Postgres.Artifacts;
using Attune.Storage.Postgres.Resources;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Postgres.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Storage.Postgres;

/// <summary>Cluster mode: the registry, the dataset stores and the model artifacts in one PostgreSQL database shared by all silos.</summary>
public static class PostgresStoreRegistration
{
    /// <summary>
    /// Registers <see cref="IResourceRegistry"/>, <see cref="IDatasetStores"/>, <see cref="IEventLogs"/> and <see cref="IModelArtifacts"/> on the database of
    /// <paramref name="connectionString"/> (an Npgsql connection string). Attune's DDL is applied when the first of them is resolved.
    /// </summary>
    public static IServiceCollection AddAttunePostgresStores(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => AttuneDatabase.Open(connectionString));
        services.AddSingleton<IResourceRegistry>(provider => new PostgresResourceRegistry(provider.GetRequiredService<AttuneDatabase>().DataSource));
        services.AddSingleton<IDatasetStores>(provider => new PostgresDatasetStores(provider.GetRequiredService<AttuneDatabase>().DataSource));
        services.AddSingleton(provider => PostgresEventLogs.Open(provider.GetRequiredService<AttuneDatabase>().DataSource));
        services.AddSingleton<IModelArtifacts>(provider =>
        {
            var artifacts = new PostgresModelArtifacts(provider.GetRequiredService<AttuneDatabase>().DataSource);
            artifacts.RemoveAbandonedUploads();
            return artifacts;
        });
        return services;
    }
}
