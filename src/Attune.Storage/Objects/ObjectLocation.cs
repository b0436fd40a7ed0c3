namespace Attune.Storage.Objects;

/// <summary>
/// Maps <c>s3://bucket/key</c> and <c>file:///path</c> URIs onto files under a local object root, with S3 prefix
/// semantics: a key naming a file is that file; otherwise every file whose key starts with it, recursively.
/// </summary>
public static class ObjectLocation
{
    /// <summary>
    /// The files at <paramref name="uri"/>, sorted by key (ordinal). <c>s3://b/k</c> is <c>&lt;objectRoot&gt;/b/k</c>;
    /// <c>file:///abs/path</c> must lie inside <paramref name="objectRoot"/>. Throws <see cref="ObjectLocationException"/>
    /// for a malformed URI, a path escaping the root, or a location with no files.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string uri, string objectRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectRoot);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(objectRoot));
        var (baseDirectory, key) = Split(uri, root);

        var target = Path.GetFullPath(Path.Combine(baseDirectory, key));
        if (!IsInside(target, root) && target != root)
        {
            throw new ObjectLocationException($"The location {uri} is outside the object root.");
        }

        if (File.Exists(target) && !key.EndsWith('/'))
        {
            return [target];
        }

        var slash = key.LastIndexOf('/');
        var directory = Path.GetFullPath(Path.Combine(baseDirectory, slash < 0 ? string.Empty : key[..slash]));
        if (!IsInside(directory, root) && directory != root)
        {
            throw new ObjectLocationException($"The location {uri} is outside the object root.");
        }

        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(file => (File: file, Key: Path.GetRelativePath(baseDirectory, file).Replace(Path.DirectorySeparatorChar, '/')))
                .Where(entry => entry.Key.StartsWith(key, StringComparison.Ordinal))
                .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => entry.File)
                .ToList()
            : [];

        return files.Count > 0
            ? files
            : throw new ObjectLocationException($"No files found at {uri}: the object does not exist and no key starts with that prefix.");
    }

    private static (string BaseDirectory, string Key) Split(string uri, string root)
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
            return (Path.Combine(root, bucket), key);
        }

        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Uri.UnescapeDataString(uri["file://".Length..]);
            if (!path.StartsWith('/'))
            {
                throw new ObjectLocationException($"The location {uri} must be an absolute file:/// URI.");
            }

            RejectTraversal(uri, path);
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            if (full == root)
            {
                return (root, string.Empty);
            }

            if (!IsInside(full, root))
            {
                throw new ObjectLocationException($"The location {uri} is outside the object root.");
            }

            return (root, Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/') + (path.EndsWith('/') ? "/" : string.Empty));
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

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
