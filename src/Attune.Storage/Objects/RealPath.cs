namespace Attune.Storage.Objects;

/// <summary>
/// A path with every symbolic link along it resolved (like <c>realpath -m</c>: the missing tail is kept as written),
/// so containment in a folder is decided on where a path really leads, not on how it is spelled.
/// </summary>
internal static class RealPath
{
    /// <summary>As the kernel's ELOOP limit: more links than this along one path is a loop.</summary>
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both full, resolved paths).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(trimmed, StringComparison.Ordinal)
            || (path.StartsWith(trimmed, StringComparison.Ordinal) && path.Length > trimmed.Length
                && (path[trimmed.Length] == Path.DirectorySeparatorChar || trimmed.EndsWith(Path.DirectorySeparatorChar)));
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var resolved = Path.GetPathRoot(fullPath)!;
        foreach (var segment in fullPath[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(resolved, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new ObjectLocationException($"Too many symbolic links along {fullPath}.");
            }
            resolved = Resolve(Path.GetFullPath(target, resolved), ref links);
        }
        return resolved;
    }
}
