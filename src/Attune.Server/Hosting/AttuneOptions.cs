using Attune.Storage.Objects;
using Attune.Server.Quotas;

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

    /// <summary>What imports may read beyond the object root (section "Attune:Imports").</summary>
    public ImportOptions Imports { get; set; } = new();

    /// <summary>The only folders file:// import locations may name (with Imports:AllowFiles); none by default.</summary>
    public List<string> FileRoots { get; set; } = [];

    /// <summary>An S3-compatible service for s3:// locations (section "Attune:S3"); none: the object root.</summary>
    public S3Options S3 { get; set; } = new();

    /// <summary>Resource counts and request rates per account (section "Attune:Quotas").</summary>
    public QuotaOptions Quotas { get; set; } = new();

    /// <summary>Largest request body accepted; bigger ones get InvalidInputException without being read whole.</summary>
    public int MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public string FullDataDir => Path.GetFullPath(DataDir);

    public string FullObjectRoot => Path.GetFullPath(ObjectRoot ?? Path.Combine(DataDir, "objects"));

    /// <summary>What CreateDatasetImportJob and the import grain let a location read.</summary>
    public ImportSources Sources() => new(FullObjectRoot, Imports.AllowFiles, FileRoots.Select(Path.GetFullPath).ToList());
}
