namespace Attune.Storage.Objects;

/// <summary>
/// Maps <c>s3://bucket/key</c> onto <c>&lt;objectRoot&gt;/bucket/key</c> and <c>file:///abs/path</c> onto that path,
/// with S3 prefix semantics: a key naming a file is that file; otherwise every file whose key starts with it,
/// recursively (<c>s3://b/fold</c> matches <c>folder/a.csv</c> and <c>fold_x.csv</c>). A location never reaches outside
/// its root (the object root, or the file root holding a file:// path): not by <c>..</c>, an absolute key, an odd
/// bucket name, nor a symbolic link that leads out.
/// </summary>
public static class ObjectLocation
{
    /// <summary>
    /// The ending of an object being written (<see cref="LocalObjectStore.WriteAsync"/>): never listed, so a write cut
    /// short by a crash leaves nothing a later import or job would read.
    /// </summary>
    public const string PartialSuffix = ".attune-partial";

    /// <summary>
    /// Throws <see cref="ObjectLocationException"/> when <paramref name="uri"/> is malformed or not allowed by
    /// <paramref name="sources"/>; the files need not exist yet (an import job is accepted before it reads them).
    /// </summary>
    public static void Check(string uri, ImportSources sources) => Place(uri, sources);

    /// <summary>
    /// The files at <paramref name="uri"/>, sorted by key (ordinal). Throws <see cref="ObjectLocationException"/> for a
    /// location <see cref="Check"/> refuses, a file reached through a link that leads out of its root, or a location
    /// with no files.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string uri, ImportSources sources)
    {
        var place = Place(uri, sources);
        var files = List(uri, place);
        foreach (var file in files)
        {
            place.RequireWithin(uri, file);
        }
        return files.Count > 0
            ? files
            : throw new ObjectLocationException($"No files found at {uri}: the object does not exist and no key starts with that prefix.");
    }

    private static List<string> List(string uri, Placement place)
    {
        var target = Path.Combine(place.BaseDirectory, place.Key);
        if (place.Key.Length > 0 && !place.Key.EndsWith('/') && File.Exists(target))
        {
            return [target];
        }

        var slash = place.Key.LastIndexOf('/');
        var directory = Path.Combine(place.BaseDirectory, slash < 0 ? string.Empty : place.Key[..slash]);
        var partialName = place.Key[(slash + 1)..];
        try
        {
            return Directory.Exists(directory)
                ? Directory.EnumerateFileSystemEntries(directory)
                    .Where(entry => Path.GetFileName(entry).StartsWith(partialName, StringComparison.Ordinal))
                    .SelectMany(entry => Directory.Exists(entry) ? Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories) : [entry])
                    .Where(file => !file.EndsWith(PartialSuffix, StringComparison.Ordinal))
                    .OrderBy(file => Path.GetRelativePath(place.BaseDirectory, file).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal)
                    .ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectLocationException($"The location {uri} cannot be listed: {e.Message}", e);
        }
    }

    private static Placement Place(string uri, ImportSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrEmpty(sources.ObjectRoot);
        if (uri.Any(char.IsControl))
        {
            // A NUL or newline never names an object, and file APIs would throw on it instead of refusing it.
            throw new ObjectLocationException($"The location {uri} contains a control character; use s3://bucket/key or file:///path.");
        }
        Placement place;
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            place = PlaceObject(uri, Path.GetFullPath(sources.ObjectRoot));
        }
        else if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            place = PlaceFile(uri, sources);
        }
        else
        {
            throw new ObjectLocationException($"The location {uri} is not supported: use s3://bucket/key or file:///path.");
        }
        place.RequireWithin(uri, Path.Combine(place.BaseDirectory, place.Key));
        return place;
    }

    private static Placement PlaceObject(string uri, string objectRoot)
    {
        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        // S3's own bucket names are narrower still; this keeps a bucket one plain folder name of the object root.
        if (bucket.Length == 0 || bucket == "." || bucket.Contains("..", StringComparison.Ordinal)
            || !bucket.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ObjectLocationException(
                $"The location {uri} has no valid bucket name: use letters, digits, '.', '-' and '_', without '..'.");
        }
        if (key.StartsWith('/'))
        {
            throw new ObjectLocationException($"The location {uri} is refused: an s3:// key must not start with '/' (keys are relative to their bucket).");
        }
        RejectTraversal(uri, key);
        return new Placement(objectRoot, Path.Combine(objectRoot, bucket), key, "the object root");
    }

    private static Placement PlaceFile(string uri, ImportSources sources)
    {
        if (!sources.AllowFiles)
        {
            throw new ObjectLocationException(
                $"The location {uri} is refused: file:// imports are turned off on this server (--allow-file-imports, " +
                "setting Attune:Imports:AllowFiles, turns them on for the folders named by --file-root); use s3://bucket/key.");
        }
        var path = Uri.UnescapeDataString(uri["file://".Length..]);
        if (!path.StartsWith('/') || path.Trim('/').Length == 0)
        {
            throw new ObjectLocationException($"The location {uri} must be an absolute file:///path naming a file or folder.");
        }
        RejectTraversal(uri, path);
        var full = Path.GetFullPath(path);
        var root = sources.FileRoots.Select(Path.GetFullPath).FirstOrDefault(root => RealPath.IsWithin(full, root))
            ?? throw new ObjectLocationException(
                $"The location {uri} is refused: file:// imports may read only inside the folders named by --file-root (setting Attune:FileRoots).");
        return new Placement(root, "/", path.TrimStart('/'), "the --file-root folders");
    }

    private static void RejectTraversal(string uri, string key)
    {
        if (key.Split('/').Any(segment => segment == ".."))
        {
            throw new ObjectLocationException($"The location {uri} must not contain '..' segments.");
        }
    }

    /// <summary>Where a location's key is read from (<see cref="BaseDirectory"/>), and the root it must stay in.</summary>
    private sealed record Placement(string Root, string BaseDirectory, string Key, string RootName)
    {
        /// <summary>Refuses <paramref name="path"/> unless it, with its symbolic links followed, is inside the root.</summary>
        public void RequireWithin(string uri, string path)
        {
            if (!RealPath.IsWithin(Path.GetFullPath(path), Root))
            {
                throw new ObjectLocationException($"The location {uri} is refused: it leads outside {RootName}.");
            }
            if (!RealPath.IsWithin(RealPath.Of(path), RealPath.Of(Root)))
            {
                throw new ObjectLocationException($"The location {uri} is refused: a symbolic link on its path leads outside {RootName}.");
            }
        }
    }
}
