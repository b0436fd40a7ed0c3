using Attune.Storage.Postgres.Artifacts;
using Attune.Storage.Tests.Contracts;
using Npgsql;

namespace Attune.Storage.Postgres.Tests;

public sealed class PostgresArtifactsTests(PostgresDatabase database)
    : ArtifactsContract(database.EmptyArtifacts()), IClassFixture<PostgresDatabase>
{
    private const string OtherVersion = Version + "-other";

    private readonly PostgresModelArtifacts _artifacts = new(database.DataSource);

    [Fact]
    public void A_reader_keeps_the_model_it_opened_while_a_new_one_replaces_it()
    {
        _artifacts.WriteModel(Version, stream => stream.Write(Model(1)));
        using var reader = _artifacts.OpenModel(Version);
        var head = new byte[10];
        reader.ReadExactly(head);

        _artifacts.WriteModel(Version, stream => stream.Write(Model(2)));

        using var rest = new MemoryStream();
        reader.CopyTo(rest);
        byte[] whole = [.. head, .. rest.ToArray()];
        Assert.Equal(Model(1), whole);
        Assert.Equal(Model(2), ReadAll(Version));
    }

    [Fact]
    public void Models_are_stored_in_chunks_and_replaced_or_failed_generations_leave_none_behind()
    {
        _artifacts.WriteModel(Version, stream => stream.Write(Model(1)));
        Assert.Equal(4, database.Scalar("SELECT count(*) FROM attune_model_chunks"));

        Assert.ThrowsAny<InvalidOperationException>(() => _artifacts.WriteModel(Version, stream =>
        {
            stream.Write(Model(2));
            throw new InvalidOperationException("training crashed");
        }));
        _artifacts.WriteModel(Version, stream => stream.Write(Model(3)));

        Assert.Equal(4, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_uploads"));
    }

    [Fact]
    public void A_crashed_writers_chunks_are_removed_by_the_next_write_of_any_model()
    {
        CrashWhileWriting();

        _artifacts.WriteModel(OtherVersion, stream => stream.Write(Model(2)));

        Assert.Equal(4, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_uploads"));
        Assert.Throws<FileNotFoundException>(() => _artifacts.OpenModel(Version));
        Assert.Equal(Model(2), ReadAll(OtherVersion));
    }

    [Fact]
    public void A_starting_silos_sweep_removes_a_crashed_writers_chunks_but_not_an_upload_in_progress()
    {
        CrashWhileWriting();

        new PostgresModelArtifacts(database.DataSource).RemoveAbandonedUploads();

        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_uploads"));
        _artifacts.WriteModel(OtherVersion, stream =>
        {
            stream.Write(Model(2).AsSpan(0, 2 * PostgresModelArtifacts.ChunkSize));
            new PostgresModelArtifacts(database.DataSource).RemoveAbandonedUploads();
            Assert.Equal(2, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
            stream.Write(Model(2).AsSpan(2 * PostgresModelArtifacts.ChunkSize));
        });

        Assert.Equal(Model(2), ReadAll(OtherVersion));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_uploads"));
    }

    /// <summary>A write of <see cref="Version"/> whose silo dies after 3 chunks: they stay behind, with its upload row.</summary>
    private void CrashWhileWriting()
    {
        Assert.Throws<IOException>(() => _artifacts.WriteModel(Version, stream =>
        {
            stream.Write(Model(1));
            // The silo dies: its connection goes with it, and none of the writer's own cleanup runs.
            database.Execute(UploadLocks("pg_terminate_backend(pid)"));
            WaitForNoUploadLocks();
            throw new IOException("silo crashed");
        }));
        Assert.Equal(3, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
    }

    [Fact]
    public void Another_silo_writing_the_same_model_meanwhile_leaves_this_upload_whole()
    {
        using var otherSilo = NpgsqlDataSource.Create(database.ConnectionString);
        _artifacts.WriteModel(Version, stream =>
        {
            stream.Write(Model(1).AsSpan(0, 2 * PostgresModelArtifacts.ChunkSize));
            new PostgresModelArtifacts(otherSilo).WriteModel(Version, other => other.Write(Model(2)));
            stream.Write(Model(1).AsSpan(2 * PostgresModelArtifacts.ChunkSize));
        });

        Assert.Equal(Model(1), ReadAll(Version));
        Assert.Equal(4, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_uploads"));
    }

    [Fact]
    public void Deleting_a_model_while_it_is_written_fails_the_write_and_leaves_nothing()
    {
        Assert.Throws<InvalidOperationException>(() => _artifacts.WriteModel(Version, stream =>
        {
            stream.Write(Model(1).AsSpan(0, 2 * PostgresModelArtifacts.ChunkSize));
            _artifacts.Delete(Version);
            stream.Write(Model(1).AsSpan(2 * PostgresModelArtifacts.ChunkSize));
        }));

        Assert.Throws<FileNotFoundException>(() => _artifacts.OpenModel(Version));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_chunks"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM attune_model_uploads"));
    }

    /// <summary>A query over the granted upload locks (see PostgresModelArtifacts) that selects <paramref name="what"/>.</summary>
    private static string UploadLocks(string what) =>
        $"SELECT {what} FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = {Sql.ModelUploadLockSpace}";

    private void WaitForNoUploadLocks()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (database.Scalar(UploadLocks("count(*)")) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the terminated writer still holds its upload lock");
            Thread.Sleep(10);
        }
    }
}
