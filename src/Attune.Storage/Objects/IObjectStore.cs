namespace Attune.Storage.Objects;

/// <summary>
/// Where <c>s3://bucket/key</c> locations live, for imports to read and jobs to write: the local object root by default
/// (<see cref="LocalObjectStore"/>), an S3-compatible service when one is configured.
/// Reading also accepts <c>file://</c> where the server allows it. Keys follow S3's prefix semantics.
/// </summary>
public interface IObjectStore
{
    /// <summary>Throws <see cref="ObjectLocationException"/> when the location is malformed or not allowed; nothing is read.</summary>
    void Check(string uri);

    /// <summary>The objects at a key, or under a prefix, sorted by key; <see cref="ObjectLocationException"/> when there are none.</summary>
    Task<IReadOnlyList<StoredObject>> ListAsync(string uri, CancellationToken cancellationToken);

    /// <summary>A local file holding the object: the file itself when it is local, else a download into <paramref name="scratch"/>.</summary>
    Task<string> FetchAsync(StoredObject stored, string scratch, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an object whole or not at all: readers never see part of it (a temporary file renamed in place, or a
    /// multipart upload completed at the end). <paramref name="write"/> may be called again after a failed attempt.
    /// </summary>
    Task WriteAsync(string uri, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>Whether an object exists at exactly this key (a resumed job checks before writing twice).</summary>
    Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken);
}

/// <summary>An object: its location, key within its bucket (or path under its root), and size.</summary>
public sealed record StoredObject(string Uri, string Key, long Length);
