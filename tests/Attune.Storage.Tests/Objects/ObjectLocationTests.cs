using Attune.Storage.Objects;

namespace Attune.Storage.Tests.Objects;

public sealed class ObjectLocationTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TempDirectory _outside = new();
    private readonly ImportSources _objects;
    private readonly ImportSources _files;

    public ObjectLocationTests()
    {
        foreach (var file in new[] { "bucket/folder/b.csv", "bucket/folder/a.csv", "bucket/folder/sub/c.csv", "bucket/fold_x.csv", "bucket/other.csv", "second/z.csv" })
        {
            _root.Write(file, "x");
        }
        _outside.Write("secret.csv", "x");
        _objects = ImportSources.ObjectsOnly(_root.Path);
        _files = new ImportSources(_root.Path, true, [Full("bucket")]);
    }

    [Fact]
    public void Key_naming_a_file_resolves_to_that_file() =>
        Assert.Equal([Full("bucket/other.csv")], ObjectLocation.Resolve("s3://bucket/other.csv", _objects));

    [Fact]
    public void Folder_prefix_resolves_to_every_file_below_it_sorted_by_key() =>
        Assert.Equal([Full("bucket/folder/a.csv"), Full("bucket/folder/b.csv"), Full("bucket/folder/sub/c.csv")],
            ObjectLocation.Resolve("s3://bucket/folder/", _objects));

    [Fact]
    public void Partial_key_prefix_matches_folders_and_files_alike() =>
        Assert.Equal([Full("bucket/fold_x.csv"), Full("bucket/folder/a.csv"), Full("bucket/folder/b.csv"), Full("bucket/folder/sub/c.csv")],
            ObjectLocation.Resolve("s3://bucket/fold", _objects));

    [Fact]
    public async Task An_object_whose_write_was_cut_short_is_never_listed()
    {
        var store = new LocalObjectStore(_objects);
        await store.WriteAsync("s3://bucket/folder/written.csv", (stream, token) => stream.WriteAsync("x\n"u8.ToArray(), token).AsTask(),
            TestContext.Current.CancellationToken);
        File.WriteAllText(Full("bucket/folder/crashed.csv.0123" + ObjectLocation.PartialSuffix), "half");

        var listed = ObjectLocation.Resolve("s3://bucket/folder/", _objects);

        Assert.Contains(Full("bucket/folder/written.csv"), listed);
        Assert.DoesNotContain(listed, file => file.EndsWith(ObjectLocation.PartialSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public void Bucket_alone_resolves_to_all_its_files() =>
        Assert.Equal(5, ObjectLocation.Resolve("s3://bucket", _objects).Count);

    [Fact]
    public void File_uri_inside_a_file_root_resolves_with_the_same_prefix_rules()
    {
        Assert.Equal([Full("bucket/other.csv")], ObjectLocation.Resolve("file://" + Full("bucket/other.csv"), _files));
        Assert.Equal(3, ObjectLocation.Resolve("file://" + Full("bucket/folder") + "/", _files).Count);
        Assert.Equal(4, ObjectLocation.Resolve("file://" + Full("bucket/fold"), _files).Count);
        Assert.Equal(5, ObjectLocation.Resolve("file://" + Full("bucket"), _files).Count);
    }

    [Fact]
    public void File_uris_are_refused_unless_allowed_whatever_the_roots()
    {
        var off = _files with { AllowFiles = false };

        var error = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Check("file://" + Full("bucket/other.csv"), off));

        Assert.Contains("file:// imports are turned off", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-file-imports", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("second/z.csv")] // beside the root, inside the object root
    [InlineData("bucket-sibling/x.csv")] // shares the root's name as a prefix, but is not inside it
    public void File_uris_outside_every_file_root_are_refused(string relative)
    {
        var error = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Check("file://" + Full(relative), _files));

        Assert.Contains("only inside the folders named by --file-root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbolic_links_inside_a_root_that_lead_out_are_refused()
    {
        File.CreateSymbolicLink(Full("bucket/link.csv"), Path.Combine(_outside.Path, "secret.csv"));
        Directory.CreateSymbolicLink(Full("bucket/linked-folder"), _outside.Path);
        Directory.CreateSymbolicLink(Full("escape"), _outside.Path); // a whole bucket that is a link out

        foreach (var (uri, sources) in new[]
        {
            ("s3://bucket/link.csv", _objects), ("s3://bucket/linked-folder/secret.csv", _objects), ("s3://escape/secret.csv", _objects),
            ("file://" + Full("bucket/link.csv"), _files), ("file://" + Full("bucket/linked-folder/"), _files),
        })
        {
            var error = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Check(uri, sources));
            Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        }
        // A prefix that takes in a link out is refused as a whole when it is read, not silently narrowed.
        var listed = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Resolve("s3://bucket/l", _objects));
        Assert.Contains("symbolic link", listed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbolic_links_that_stay_inside_the_root_are_followed()
    {
        Directory.CreateSymbolicLink(Full("alias"), Full("bucket/folder"));

        Assert.Equal(3, ObjectLocation.Resolve("s3://alias/", _objects).Count);
    }

    [Fact]
    public void A_root_that_is_itself_a_link_holds_what_is_below_its_target()
    {
        var linkedRoot = Path.Combine(_outside.Path, "root-link");
        Directory.CreateSymbolicLink(linkedRoot, _root.Path);

        Assert.Single(ObjectLocation.Resolve("s3://bucket/other.csv", ImportSources.ObjectsOnly(linkedRoot)));
    }

    [Theory]
    [InlineData("s3://bucket/../second/z.csv", "'..'")]
    [InlineData("s3://bucket/folder/../../../etc/passwd", "'..'")]
    [InlineData("s3://../x", "bucket")]
    [InlineData("s3://a..b/x", "bucket")]
    [InlineData("s3://bucket%2F..%2Fsecond/z.csv", "bucket")]
    [InlineData("s3:///etc/passwd", "bucket")]
    [InlineData("s3://bucket//etc/passwd", "must not start with '/'")]
    [InlineData("file:///", "naming a file or folder")]
    [InlineData("file://relative/x.csv", "absolute")]
    [InlineData("file:///tmp/../etc/passwd", "'..'")]
    [InlineData("file:///etc/passwd", "only inside the folders named by --file-root")]
    [InlineData("https://example.com/x.csv", "not supported")]
    [InlineData("s3://bucket/a\u0000b.csv", "control character")]
    [InlineData("s3://bucket/a\nb.csv", "control character")]
    public void Locations_that_could_leave_their_root_are_refused_before_anything_is_read(string uri, string reason)
    {
        var error = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Check(uri, _files));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(uri, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://bucket/missing")]
    [InlineData("s3://nobucket/x.csv")]
    public void Allowed_locations_without_files_pass_the_check_and_fail_when_read(string uri)
    {
        ObjectLocation.Check(uri, _objects);

        var error = Assert.Throws<ObjectLocationException>(() => ObjectLocation.Resolve(uri, _objects));
        Assert.Contains("No files found", error.Message, StringComparison.Ordinal);
    }

    private string Full(string relative) => Path.Combine(_root.Path, relative);

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }
}
