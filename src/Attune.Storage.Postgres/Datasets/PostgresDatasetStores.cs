using Attune.Storage.Datasets;
using Npgsql;

namespace Attune.Storage.Postgres.Datasets;

/// <summary>
/// Cluster mode's dataset stores: each dataset group in its own PostgreSQL schema (see <see cref="PostgresLayout"/>),
/// registered in <c>attune_dataset_groups</c>. Any silo can open any group.
/// </summary>
public sealed class PostgresDatasetStores(NpgsqlDataSource dataSource) : IDatasetStores
{
    public IDatasetStore Open(string datasetGroupArn)
    {
        var schema = PostgresLayout.SchemaFor(datasetGroupArn);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                Create(datasetGroupArn, schema);
                return new PostgresDatasetStore(dataSource, datasetGroupArn, schema);
            }
            catch (PostgresException e) when (attempt < 3 && e.SqlState is PostgresErrorCodes.UniqueViolation
                or PostgresErrorCodes.DuplicateSchema or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject)
            {
                // Silos opening a new group at once: the group lock orders them, but a backend's catalog cache can
                // still miss the schema another one just committed, so CREATE ... IF NOT EXISTS collides once. The
                // next attempt, a new transaction, sees it.
            }
        }
    }

    private void Create(string datasetGroupArn, string schema)
    {
        using var connection = dataSource.OpenConnection();
        if (IsRegistered(connection, datasetGroupArn))
        {
            return;
        }
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, datasetGroupArn);
        Sql.Execute(connection, PostgresLayout.CreateGroup(schema));
        Sql.Execute(connection, "INSERT INTO attune_dataset_groups (arn, schema_name) VALUES (@arn, @schema) ON CONFLICT DO NOTHING",
            ("arn", datasetGroupArn), ("schema", schema));
        transaction.Commit();
    }

    /// <summary>A store deleted after this check reads as empty (its tables are gone), so readers need no lock.</summary>
    public IDatasetStore? OpenExisting(string datasetGroupArn)
    {
        using var connection = dataSource.OpenConnection();
        return IsRegistered(connection, datasetGroupArn)
            ? new PostgresDatasetStore(dataSource, datasetGroupArn, PostgresLayout.SchemaFor(datasetGroupArn))
            : null;
    }

    public void Delete(string datasetGroupArn)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Sql.LockGroup(connection, datasetGroupArn);
        Sql.Execute(connection, $"DROP SCHEMA IF EXISTS {Sql.Quote(PostgresLayout.SchemaFor(datasetGroupArn))} CASCADE");
        Sql.Execute(connection, "DELETE FROM attune_dataset_groups WHERE arn = @arn", ("arn", datasetGroupArn));
        transaction.Commit();
    }

    private static bool IsRegistered(NpgsqlConnection connection, string datasetGroupArn) =>
        Sql.Scalar(connection, "SELECT count(*) FROM attune_dataset_groups WHERE arn = @arn", ("arn", datasetGroupArn)) > 0;
}
