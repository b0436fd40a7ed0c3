using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Attune.Storage.Tests;
using Attune.Storage.Tests.Contracts;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Postgres.Tests;

public sealed class PostgresAtomicityTests(PostgresDatabase database)
    : AtomicityContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>
{
    [Fact]
    public void An_import_still_running_on_another_silo_is_not_discarded()
    {
        using var otherSilo = new PostgresBackend(database).Stores.Open(GroupArn);
        var jobArn = JobArn();
        var discardedMeanwhile = new List<string>();
        var progress = new SynchronousProgress(done => discardedMeanwhile.AddRange(otherSilo.DiscardInterruptedImports()));

        var result = Store.Import(new ImportRequest(jobArn, DatasetType.Interactions, TestSchemas.Interactions, [Generated("big.csv", badRow: -1)]),
            progress, TestContext.Current.CancellationToken);

        Assert.Empty(discardedMeanwhile);
        Assert.Equal(Rows, result.Rows);
        Assert.Equal(Rows, otherSilo.CommittedImportRows(jobArn));
        Assert.Equal(Rows, otherSilo.ReadInteractions().Count);
    }

    [Fact]
    public void The_import_of_a_silo_that_died_is_discarded_and_its_job_reported()
    {
        var jobArn = JobArn();
        var progress = new SynchronousProgress(done =>
        {
            // What kill -9 of the importing silo does to PostgreSQL: its connection goes away mid-import.
            database.Execute($"""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND classid = {Sql.BatchLockSpace}
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """);
        });

        Assert.ThrowsAny<Exception>(() => Store.Import(
            new ImportRequest(jobArn, DatasetType.Interactions, TestSchemas.Interactions, [Generated("big.csv", badRow: -1)]),
            progress, TestContext.Current.CancellationToken));

        using var restarted = new PostgresBackend(database).Stores.Open(GroupArn);
        Assert.Equal(2, Backend.BatchTableCount(restarted));
        Assert.Equal([jobArn], restarted.DiscardInterruptedImports());
        AssertUnchanged(restarted);
        Assert.Null(restarted.CommittedImportRows(jobArn));
        Assert.Empty(restarted.DiscardInterruptedImports());
    }
}
