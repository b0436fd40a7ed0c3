using Npgsql;

namespace Attune.Storage.Postgres.Tests;

public sealed class ConnectionPoolsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Server = "Host=db.internal;Username=attune;Database=attune";

    [Fact]
    public void Each_part_gets_its_own_bounded_pool_named_for_it()
    {
        var stores = new NpgsqlConnectionStringBuilder(ConnectionPools.Stores.ConnectionString(Server));
        var grainState = new NpgsqlConnectionStringBuilder(ConnectionPools.GrainState.ConnectionString(Server));

        Assert.Equal(ConnectionPools.Stores.DefaultMaxSize, stores.MaxPoolSize);
        Assert.Equal(ConnectionPools.GrainState.DefaultMaxSize, grainState.MaxPoolSize);
        Assert.Equal("attune (stores)", stores.ApplicationName);
        Assert.Equal("attune (grain state)", grainState.ApplicationName);
        Assert.Equal("db.internal", grainState.Host);
        Assert.True(stores.Pooling);
        Assert.False(new NpgsqlConnectionStringBuilder(ConnectionPools.Migrations.ConnectionString(Server)).Pooling);
    }

    [Theory]
    [InlineData("Maximum Pool Size=50")]
    [InlineData("maximum pool size=50")]
    [InlineData("MaxPoolSize=50")]
    public void A_pool_size_the_operator_sets_applies_to_every_pool(string setting)
    {
        var operatorString = $"{Server};{setting};Application Name=recs";

        foreach (var pool in new[] { ConnectionPools.Stores, ConnectionPools.GrainState, ConnectionPools.Membership, ConnectionPools.Reminders })
        {
            var builder = new NpgsqlConnectionStringBuilder(pool.ConnectionString(operatorString));
            Assert.Equal(50, builder.MaxPoolSize);
            Assert.Equal($"recs ({pool.Part})", builder.ApplicationName);
        }
    }

    [Fact]
    public async Task A_full_stores_pool_makes_the_next_caller_wait_instead_of_opening_more_connections()
    {
        using var attune = AttuneDatabase.Open(database.ConnectionString + ";Timeout=1");
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < ConnectionPools.Stores.DefaultMaxSize; i++)
            {
                held.Add(await attune.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken));
            }

            var error = await Assert.ThrowsAsync<NpgsqlException>(async () =>
                await attune.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken));

            Assert.True(error.IsTransient);
            Assert.Equal(ConnectionPools.Stores.DefaultMaxSize, database.Scalar(
                $"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'attune (stores)' AND datname = current_database()"));
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
