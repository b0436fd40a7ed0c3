using Attune.Storage.Artifacts;
using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Tests.Sqlite;

public sealed class FileModelArtifactsTests : ArtifactsContract, IDisposable
{
    private readonly TempDirectory _temp;

    public FileModelArtifactsTests()
        : this(new TempDirectory())
    {
    }

    private FileModelArtifactsTests(TempDirectory temp)
        : base(new ModelArtifacts(temp.Path)) => _temp = temp;

    public void Dispose() => _temp.Dispose();
}
