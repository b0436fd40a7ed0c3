using Attune.Storage.Artifacts;

namespace Attune.Storage.Tests.Contracts;

/// <summary>The behaviour every <see cref="IModelArtifacts"/> must have; each test gets an empty store.</summary>
public abstract class ArtifactsContract(IModelArtifacts artifacts)
{
    protected const string Version = "arn:aws:personalize:us-east-1:000000000000:solution/s/v1";

    /// <summary>Bigger than a few chunks of any chunked backend, and not a multiple of a power of two.</summary>
    protected static byte[] Model(int seed) => [.. Enumerable.Range(0, 3 * (1 << 20) + 12_345).Select(i => (byte)((i * 31) + seed))];

    [Fact]
    public void A_model_reads_back_byte_for_byte_and_a_rewrite_replaces_it()
    {
        artifacts.WriteModel(Version, stream => stream.Write(Model(1)));
        Assert.Equal(Model(1), ReadAll(Version));

        artifacts.WriteModel(Version, stream => stream.Write(Model(2)));
        Assert.Equal(Model(2), ReadAll(Version));
    }

    [Fact]
    public void A_failing_writer_leaves_the_previous_model()
    {
        artifacts.WriteModel(Version, stream => stream.Write(Model(1)));

        Assert.Throws<InvalidOperationException>(() => artifacts.WriteModel(Version, stream =>
        {
            stream.Write(Model(2));
            throw new InvalidOperationException("training crashed");
        }));

        Assert.Equal(Model(1), ReadAll(Version));
    }

    [Fact]
    public void Metrics_round_trip_and_are_empty_when_never_written()
    {
        Assert.Empty(artifacts.ReadMetrics(Version));

        artifacts.WriteMetrics(Version, new Dictionary<string, double> { ["precision_at_25"] = 0.125, ["coverage"] = 0.5 });

        Assert.Equal(new Dictionary<string, double> { ["precision_at_25"] = 0.125, ["coverage"] = 0.5 }, artifacts.ReadMetrics(Version));
    }

    [Fact]
    public void Deleting_a_version_that_never_trained_from_an_empty_store_does_nothing()
    {
        artifacts.Delete(Version);

        Assert.Empty(artifacts.ReadMetrics(Version));
    }

    [Fact]
    public void Deleting_removes_model_and_metrics_and_a_missing_model_cannot_be_opened()
    {
        artifacts.WriteModel(Version, stream => stream.Write(Model(1)));
        artifacts.WriteMetrics(Version, new Dictionary<string, double> { ["coverage"] = 1 });

        artifacts.Delete(Version);
        artifacts.Delete(Version);

        Assert.Throws<FileNotFoundException>(() => artifacts.OpenModel(Version));
        Assert.Empty(artifacts.ReadMetrics(Version));
    }

    protected byte[] ReadAll(string version)
    {
        using var stream = artifacts.OpenModel(version);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
