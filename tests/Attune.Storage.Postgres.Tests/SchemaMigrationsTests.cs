namespace Attune.Storage.Postgres.Tests;

public sealed class SchemaMigrationsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public void The_attune_scripts_are_embedded_in_order_and_applying_them_again_changes_nothing()
    {
        Assert.Equal(["sql/100-attune-catalog.sql", "sql/101-attune-datasets.sql", "sql/102-attune-artifacts.sql", "sql/103-attune-events.sql"], SchemaMigrations.Scripts);
        var tables = database.Scalar("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'attune%'");

        SchemaMigrations.Apply(database.DataSource);
        SchemaMigrations.Apply(database.DataSource);

        Assert.Equal(7, tables);
        Assert.Equal(tables, database.Scalar("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'attune%'"));
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM pg_type WHERE typname = 'attune_float'"));
    }
}
