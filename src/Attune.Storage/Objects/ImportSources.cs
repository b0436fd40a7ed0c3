namespace Attune.Storage.Objects;

/// <summary>
/// Where imports may read: <c>s3://bucket/key</c> inside <paramref name="ObjectRoot"/>, and <c>file:///path</c> only
/// when <paramref name="AllowFiles"/> and then only inside one of <paramref name="FileRoots"/> (full paths).
/// </summary>
public sealed record ImportSources(string ObjectRoot, bool AllowFiles, IReadOnlyList<string> FileRoots)
{
    /// <summary>Only s3:// locations, in <paramref name="objectRoot"/>.</summary>
    public static ImportSources ObjectsOnly(string objectRoot) => new(objectRoot, false, []);
}
