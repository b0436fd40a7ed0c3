using Npgsql;

namespace Attune.Storage.Postgres;

/// <summary>Attune's own connection pool (kept apart from any the Orleans providers configure), migrated on open.</summary>
public sealed class AttuneDatabase : IDisposable
{
    private AttuneDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static AttuneDatabase Open(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(ConnectionPools.Stores.ConnectionString(connectionString));
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
