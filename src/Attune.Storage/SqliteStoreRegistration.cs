using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Storage;

/// <summary>Embedded mode: the registry, the dataset stores and the model artifacts as files under one data directory.</summary>
public static class SqliteStoreRegistration
{
    /// <summary>Registers <see cref="IResourceRegistry"/>, <see cref="IDatasetStores"/>, <see cref="IEventLogs"/> and <see cref="IModelArtifacts"/> on SQLite files and plain files under <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddAttuneSqliteStores(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton<IResourceRegistry>(_ => new SqliteResourceRegistry(Path.Combine(dataDirectory, "catalog.db")));
        services.AddSingleton<IDatasetStores>(new SqliteDatasetStores(dataDirectory));
        services.AddSingleton(_ => SqliteEventLogs.Open(dataDirectory));
        services.AddSingleton<IModelArtifacts>(new ModelArtifacts(dataDirectory));
        return services;
    }
}
