namespace Attune.Grains.Serving;

/// <summary>Serving knobs (configuration section Attune:Serving).</summary>
public sealed class ServingOptions
{
    public const string Section = "Attune:Serving";

    /// <summary>S: how many item shards a request's top-k runs over (in parallel for large catalogues).</summary>
    public int Shards { get; set; } = Environment.ProcessorCount;
}
