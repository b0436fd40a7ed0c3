using Attune.Storage.Postgres.Artifacts;
using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Postgres.Tests;

public sealed class PostgresArtifactsTests(PostgresDatabase database)
    : ArtifactsContract(database.EmptyArtifacts()), IClassFixture<PostgresDatabase>
{
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
}
