using Attune.Storage.Datasets;

namespace Attune.Storage.Tests.Import;

/// <summary>A fresh dataset store in a temp directory per test.</summary>
public abstract class StoreTestBase : IDisposable
{
    protected const string InteractionsHeader = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n";

    private readonly TempDirectory _temp = new();

    protected StoreTestBase() => Store = DatasetStore.Open(_temp.Path, ImportHelpers.GroupArn);

    protected DatasetStore Store { get; }

    protected string TempPath => _temp.Path;

    protected string WriteFile(string name, string content) => _temp.Write(name, content);

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
