namespace Attune.Server.Hosting;

/// <summary>Where Attune keeps its data and how it names resources (section "Attune").</summary>
public sealed class AttuneOptions
{
    public const string Section = "Attune";

    /// <summary>Folder for the registry, datasets, grain state and (by default) the object root.</summary>
    public string DataDir { get; set; } = "./attune-data";

    /// <summary>Folder that s3://bucket/key URIs map to (as &lt;ObjectRoot&gt;/bucket/key); default &lt;DataDir&gt;/objects.</summary>
    public string? ObjectRoot { get; set; }

    /// <summary>The 12-digit account id that appears in every ARN.</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>Region used when a request carries no SigV4 credential scope.</summary>
    public string DefaultRegion { get; set; } = "us-east-1";

    /// <summary>
    /// Whether import locations may be file:// paths. They can name any file the server can read, so turn this
    /// off where API clients are not trusted with the server's file system; s3:// stays confined to the object root.
    /// </summary>
    public bool AllowFileLocations { get; set; } = true;

    /// <summary>Largest request body accepted; bigger ones get InvalidInputException without being read whole.</summary>
    public int MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public string FullDataDir => Path.GetFullPath(DataDir);

    public string FullObjectRoot => Path.GetFullPath(ObjectRoot ?? Path.Combine(DataDir, "objects"));
}
