namespace Attune.Server.Hosting;

/// <summary>What imports may read beyond the object root (section "Attune:Imports").</summary>
public sealed class ImportOptions
{
    public const string Section = "Attune:Imports";

    /// <summary>
    /// Whether import locations may be file:// paths, inside <see cref="AttuneOptions.FileRoots"/> only. Off by
    /// default: a file:// location reads the server's file system, which API clients are not trusted with unless you say so.
    /// </summary>
    public bool AllowFiles { get; set; }
}
