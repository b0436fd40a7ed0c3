using Attune.Storage.Resources;
using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Tests.Sqlite;

public sealed class SqliteResourceRegistryTests : ResourceRegistryContract, IDisposable
{
    private readonly TempDirectory _temp;
    private readonly SqliteResourceRegistry _registry;

    public SqliteResourceRegistryTests()
        : this(new TempDirectory())
    {
    }

    private SqliteResourceRegistryTests(TempDirectory temp)
        : this(temp, new SqliteResourceRegistry(Path.Combine(temp.Path, "catalog.db")))
    {
    }

    private SqliteResourceRegistryTests(TempDirectory temp, SqliteResourceRegistry registry)
        : base(registry)
    {
        _temp = temp;
        _registry = registry;
    }

    [Fact]
    public async Task Records_survive_reopening_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("schema", "s"), [new("k", "v")], ct);
        using var reopened = new SqliteResourceRegistry(Path.Combine(_temp.Path, "catalog.db"));
        Assert.NotNull(await reopened.GetAsync(Prefix + "schema/s", ct));
        Assert.Equal([new("k", "v")], await reopened.GetTagsAsync(Prefix + "schema/s", ct));
    }

    public void Dispose()
    {
        _registry.Dispose();
        _temp.Dispose();
    }
}
