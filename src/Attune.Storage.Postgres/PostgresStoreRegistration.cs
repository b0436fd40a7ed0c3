using Attune.Storage.Artifacts;
using Attune.Storage.Catalog;
using Attune.Storage.Datasets;
using Attune.Storage.Postgres.Artifacts;
using Attune.Storage.Postgres.Catalog;
using Attune.Storage.Postgres.Datasets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Attune.Storage.Postgres;

/// <summary>Cluster mode: the catalog, the dataset stores and the model artifacts in one PostgreSQL database shared by all silos.</summary>
public static class PostgresStoreRegistration
{
    /// <summary>
    /// Registers <see cref="ICatalog"/>, <see cref="IDatasetStores"/> and <see cref="IModelArtifacts"/> on the database of
    /// <paramref name="connectionString"/> (an Npgsql connection string). Attune's DDL is applied when the first of them is resolved.
    /// </summary>
    public static IServiceCollection AddAttunePostgresStores(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => AttuneDatabase.Open(connectionString));
        services.AddSingleton<ICatalog>(provider => new PostgresCatalog(provider.GetRequiredService<AttuneDatabase>().DataSource));
        services.AddSingleton<IDatasetStores>(provider => new PostgresDatasetStores(provider.GetRequiredService<AttuneDatabase>().DataSource));
        services.AddSingleton<IModelArtifacts>(provider => new PostgresModelArtifacts(provider.GetRequiredService<AttuneDatabase>().DataSource));
        return services;
    }
}

/// <summary>Attune's own connection pool (kept apart from any the Orleans providers configure), migrated on open.</summary>
public sealed class AttuneDatabase : IDisposable
{
    private AttuneDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static AttuneDatabase Open(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            SchemaMigrations.Apply(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }

        return new AttuneDatabase(dataSource);
    }

    public void Dispose() => DataSource.Dispose();
}
