using Amazon.S3;
using Attune.EndToEnd.Tests.Infrastructure;
using Attune.Storage.Objects;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// s3:// on a real S3-compatible server (s3rver, started here): the object store writes whole objects (multipart above
/// 16 MB), lists with S3's prefix semantics and downloads; the server configured with --s3-endpoint imports from it and
/// runs every job family against it.
/// </summary>
public sealed class S3StorageTests : IAsyncLifetime
{
    private const string Bucket = "attune-data";
    private S3rver _s3 = null!;

    public async ValueTask InitializeAsync() => _s3 = await S3rver.StartAsync(Bucket, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _s3.DisposeAsync();

    [Fact]
    public async Task Objects_are_written_whole_listed_by_prefix_and_read_back()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var scratch = new TempDirectory();
        var store = new S3ObjectStore(Client(), new LocalObjectStore(ImportSources.ObjectsOnly(scratch.Path)));
        var large = new byte[20 * 1024 * 1024 + 3];
        new Random(7).NextBytes(large);

        await store.WriteAsync($"s3://{Bucket}/out/part-1.csv", (stream, token) => stream.WriteAsync("a,b\n1,2\n"u8.ToArray(), token).AsTask(), cancellation);
        await store.WriteAsync($"s3://{Bucket}/out/part-10.bin", (stream, token) => stream.WriteAsync(large, token).AsTask(), cancellation);
        var listed = await store.ListAsync($"s3://{Bucket}/out/part-1", cancellation);
        var exact = await store.ListAsync($"s3://{Bucket}/out/part-1.csv", cancellation);
        var fetched = await store.FetchAsync(listed.Single(o => o.Key.EndsWith(".bin", StringComparison.Ordinal)), scratch.Path, cancellation);

        Assert.Equal(["out/part-1.csv", "out/part-10.bin"], listed.Select(o => o.Key));
        Assert.Equal("out/part-1.csv", Assert.Single(exact).Key);
        Assert.Equal(large, await File.ReadAllBytesAsync(fetched, cancellation));
        Assert.True(await store.ExistsAsync($"s3://{Bucket}/out/part-1.csv", cancellation));
        Assert.False(await store.ExistsAsync($"s3://{Bucket}/out/part-2.csv", cancellation));
        Assert.Throws<ObjectLocationException>(() => store.Check($"s3://{Bucket}/../escape.csv"));
        await Assert.ThrowsAsync<ObjectLocationException>(() => store.ListAsync($"s3://{Bucket}/nothing/", cancellation));
    }

    [Fact]
    public async Task The_server_imports_objects_and_prefixes_from_the_S3_endpoint()
    {
        await using var server = new ServerProcess(extraArguments: ["--s3-endpoint", _s3.Endpoint], environment: new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3rver.Secret,
        });
        await server.StartAsync(TestContext.Current.CancellationToken);

        var result = await ExternalCommand.PythonAsync("s3_imports.py", server.Endpoint, TestContext.Current.CancellationToken, _s3.Endpoint, Bucket);

        Assert.True(result.ExitCode == 0, $"s3_imports.py failed:\n{result}\n--- server output\n{server.Output}");
    }

    [Fact]
    public async Task Every_job_family_reads_its_input_from_and_writes_its_output_to_the_S3_endpoint()
    {
        await using var server = new ServerProcess(extraArguments: ["--s3-endpoint", _s3.Endpoint], environment: new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3rver.Secret,
        });
        await server.StartAsync(TestContext.Current.CancellationToken);

        var result = await ExternalCommand.PythonAsync("s3_jobs.py", server.Endpoint, TestContext.Current.CancellationToken, _s3.Endpoint, Bucket);

        Assert.True(result.ExitCode == 0, $"s3_jobs.py failed:\n{result}\n--- server output\n{server.Output}");
    }

    private AmazonS3Client Client() => new(S3rver.AccessKey, S3rver.Secret, new AmazonS3Config
    {
        ServiceURL = _s3.Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    });

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("attune-s3-test-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
