using Attune.Storage.Datasets;

namespace Attune.Storage.Tests.Contracts;

/// <summary>A fresh dataset group (its own ARN) on the given backend per test, and a temp directory for input files.</summary>
public abstract class StoreTestBase : IDisposable
{
    protected const string InteractionsHeader = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n";

    private readonly TempDirectory _temp = new();

    protected StoreTestBase(IStoreBackend backend)
    {
        Backend = backend;
        Store = backend.Stores.Open(GroupArn);
    }

    protected IStoreBackend Backend { get; }

    protected IDatasetStore Store { get; }

    protected string GroupArn { get; } = $"arn:aws:personalize:us-east-1:000000000000:dataset-group/tests-{Guid.NewGuid():N}";

    protected string TempPath => _temp.Path;

    protected string WriteFile(string name, string content) => _temp.Write(name, content);

    public void Dispose()
    {
        Store.Dispose();
        Backend.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
