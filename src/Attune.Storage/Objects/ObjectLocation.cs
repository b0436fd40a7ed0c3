namespace Attune.Storage.Objects;

/// <summary>
/// Maps <c>s3://bucket/key</c> onto <c>&lt;objectRoot&gt;/bucket/key</c> and <c>file:///abs/path</c> onto that path,
/// with S3 prefix semantics: a key naming a file is that file; otherwise every file whose key starts with it,
/// recursively (<c>s3://b/fold</c> matches <c>folder/a.csv</c> and <c>fold_x.csv</c>).
/// </summary>
public static class ObjectLocation
{
    /// <summary>
    /// The files at <paramref name="uri"/>, sorted by key (ordinal). Throws <see cref="ObjectLocationException"/> for a
    /// malformed URI, a <c>..</c> segment, or a location with no files.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string uri, string objectRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectRoot);
        var (baseDirectory, key) = Split(uri, Path.GetFullPath(objectRoot));
        var target = Path.Combine(baseDirectory, key);
        if (key.Length > 0 && !key.EndsWith('/') && File.Exists(target))
        {
            return [target];
        }

        var slash = key.LastIndexOf('/');
        var directory = Path.Combine(baseDirectory, slash < 0 ? string.Empty : key[..slash]);
        var partialName = key[(slash + 1)..];
        List<string> files;
        try
        {
            files = Directory.Exists(directory)
                ? Directory.EnumerateFileSystemEntries(directory)
                    .Where(entry => Path.GetFileName(entry).StartsWith(partialName, StringComparison.Ordinal))
                    .SelectMany(entry => Directory.Exists(entry) ? Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories) : [entry])
                    .OrderBy(file => Path.GetRelativePath(baseDirectory, file).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal)
                    .ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectLocationException($"The location {uri} cannot be listed: {e.Message}", e);
        }

        return files.Count > 0
            ? files
            : throw new ObjectLocationException($"No files found at {uri}: the object does not exist and no key starts with that prefix.");
    }

    private static (string BaseDirectory, string Key) Split(string uri, string objectRoot)
    {
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = uri["s3://".Length..];
            var slash = rest.IndexOf('/');
            var bucket = slash < 0 ? rest : rest[..slash];
            var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
            if (bucket.Length == 0 || bucket is "." or ".." || bucket.Contains('\\'))
            {
                throw new ObjectLocationException($"The location {uri} has no valid bucket name.");
            }

            RejectTraversal(uri, key);
            return (Path.Combine(objectRoot, bucket), key);
        }

        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Uri.UnescapeDataString(uri["file://".Length..]);
            if (!path.StartsWith('/') || path.Trim('/').Length == 0)
            {
                throw new ObjectLocationException($"The location {uri} must be an absolute file:///path naming a file or folder.");
            }

            RejectTraversal(uri, path);
            return ("/", path.TrimStart('/'));
        }

        throw new ObjectLocationException($"The location {uri} is not supported: use s3://bucket/key or file:///path.");
    }

    private static void RejectTraversal(string uri, string key)
    {
        if (key.Split('/').Any(segment => segment == ".."))
        {
            throw new ObjectLocationException($"The location {uri} must not contain '..' segments.");
        }
    }
}
