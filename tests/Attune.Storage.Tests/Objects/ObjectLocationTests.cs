using Attune.Storage.Objects;

namespace Attune.Storage.Tests.Objects;

public sealed class ObjectLocationTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public ObjectLocationTests()
    {
        foreach (var file in new[] { "bucket/folder/b.csv", "bucket/folder/a.csv", "bucket/folder/sub/c.csv", "bucket/fold_x.csv", "bucket/other.csv", "second/z.csv" })
        {
            _root.Write(file, "x");
        }
    }

    [Fact]
    public void Key_naming_a_file_resolves_to_that_file() =>
        Assert.Equal([Full("bucket/other.csv")], ObjectLocation.Resolve("s3://bucket/other.csv", _root.Path));

    [Fact]
    public void Folder_prefix_resolves_to_every_file_below_it_sorted_by_key() =>
        Assert.Equal([Full("bucket/folder/a.csv"), Full("bucket/folder/b.csv"), Full("bucket/folder/sub/c.csv")],
            ObjectLocation.Resolve("s3://bucket/folder/", _root.Path));

    [Fact]
    public void Partial_key_prefix_matches_folders_and_files_alike() =>
        Assert.Equal([Full("bucket/fold_x.csv"), Full("bucket/folder/a.csv"), Full("bucket/folder/b.csv"), Full("bucket/folder/sub/c.csv")],
            ObjectLocation.Resolve("s3://bucket/fold", _root.Path));

    [Fact]
    public void Bucket_alone_resolves_to_all_its_files() =>
        Assert.Equal(5, ObjectLocation.Resolve("s3://bucket", _root.Path).Count);

    [Fact]
    public void File_uri_resolves_an_absolute_path_with_the_same_prefix_rules()
    {
        Assert.Equal([Full("bucket/other.csv")], ObjectLocation.Resolve("file://" + Full("bucket/other.csv"), _root.Path));
        Assert.Equal(3, ObjectLocation.Resolve("file://" + Full("bucket/folder") + "/", _root.Path).Count);
        Assert.Equal(4, ObjectLocation.Resolve("file://" + Full("bucket/fold"), _root.Path).Count);
    }

    [Theory]
    [InlineData("s3://bucket/../second/z.csv", "'..'")]
    [InlineData("s3://../x", "bucket")]
    [InlineData("file:///", "naming a file or folder")]
    [InlineData("file://relative/x.csv", "absolute")]
    [InlineData("file:///tmp/../etc/passwd", "'..'")]
    [InlineData("https://example.com/x.csv", "not supported")]
    [InlineData("s3://bucket/missing", "No files found")]
    [InlineData("s3://nobucket/x.csv", "No files found")]
    public void Bad_or_empty_locations_are_rejected_with_a_reason(string uri, string reason)
    {
        var error = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Resolve(uri, _root.Path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private string Full(string relative) => Path.Combine(_root.Path, relative);

    public void Dispose() => _root.Dispose();
}
