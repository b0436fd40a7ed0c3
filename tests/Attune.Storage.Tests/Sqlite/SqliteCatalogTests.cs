using Attune.Storage.Catalog;
using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Tests.Sqlite;

public sealed class SqliteCatalogTests : CatalogContract, IDisposable
{
    private readonly TempDirectory _temp;
    private readonly SqliteCatalog _catalog;

    public SqliteCatalogTests()
        : this(new TempDirectory())
    {
    }

    private SqliteCatalogTests(TempDirectory temp)
        : this(temp, new SqliteCatalog(Path.Combine(temp.Path, "catalog.db")))
    {
    }

    private SqliteCatalogTests(TempDirectory temp, SqliteCatalog catalog)
        : base(catalog)
    {
        _temp = temp;
        _catalog = catalog;
    }

    [Fact]
    public async Task Records_survive_reopening_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await _catalog.TryInsertAsync(Record("schema", "s"), [new("k", "v")], ct);
        using var reopened = new SqliteCatalog(Path.Combine(_temp.Path, "catalog.db"));
        Assert.NotNull(await reopened.GetAsync(Prefix + "schema/s", ct));
        Assert.Equal([new("k", "v")], await reopened.GetTagsAsync(Prefix + "schema/s", ct));
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _temp.Dispose();
    }
}
