using Attune.Storage.Postgres.Artifacts;
using Attune.Storage.Postgres.Resources;
using Npgsql;

[assembly: AssemblyFixture(typeof(Attune.Storage.Postgres.Tests.PostgresServerLifetime))]

namespace Attune.Storage.Postgres.Tests;

/// <summary>A fresh database per test class, migrated with Attune's DDL, dropped when the class is done.</summary>
public sealed class PostgresDatabase : IDisposable
{
    public PostgresDatabase()
    {
        ConnectionString = PostgresServer.Shared.CreateDatabase();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        SchemaMigrations.Apply(DataSource);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The registry with its tables emptied (tests of a class run one after another).</summary>
    public PostgresResourceRegistry EmptyResourceRegistry()
    {
        Execute("TRUNCATE attune_resources, attune_tags RESTART IDENTITY");
        return new PostgresResourceRegistry(DataSource);
    }

    public PostgresModelArtifacts EmptyArtifacts()
    {
        Execute("TRUNCATE attune_models, attune_model_uploads, attune_model_chunks, attune_model_metrics");
        return new PostgresModelArtifacts(DataSource);
    }

    public long Scalar(string sql)
    {
        using var connection = DataSource.OpenConnection();
        return Sql.Scalar(connection, sql);
    }

    public void Execute(string sql)
    {
        using var connection = DataSource.OpenConnection();
        Sql.Execute(connection, sql);
    }

    public void Dispose()
    {
        DataSource.Dispose();
        PostgresServer.Shared.DropDatabase(ConnectionString);
    }
}
