namespace Attune.Storage.Objects;

/// <summary>
/// <c>s3://bucket/key</c> as <c>&lt;object root&gt;/bucket/key</c> (and readable <c>file://</c> paths inside the file roots),
/// with <see cref="ObjectLocation"/>'s rules: nothing outside its root, by <c>..</c>, odd buckets or symbolic links.
/// </summary>
public sealed class LocalObjectStore(ImportSources sources) : IObjectStore
{
    public void Check(string uri) => ObjectLocation.Check(uri, sources);

    public Task<IReadOnlyList<StoredObject>> ListAsync(string uri, CancellationToken cancellationToken)
    {
        var files = ObjectLocation.Resolve(uri, sources);
        IReadOnlyList<StoredObject> objects = [.. files.Select(file => new StoredObject(file, file, new FileInfo(file).Length))];
        return Task.FromResult(objects);
    }

    public Task<string> FetchAsync(StoredObject stored, string scratch, CancellationToken cancellationToken) => Task.FromResult(stored.Key);

    public async Task WriteAsync(string uri, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = WritablePath(uri);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}{ObjectLocation.PartialSuffix}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken) => Task.FromResult(File.Exists(WritablePath(uri)));

    /// <summary>Writes go to s3:// keys only (never file://), naming an object, not a prefix.</summary>
    private string WritablePath(string uri)
    {
        if (!uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || uri.EndsWith('/'))
        {
            throw new ObjectLocationException($"The output location {uri} must be an s3://bucket/key object.");
        }

        ObjectLocation.Check(uri, sources);
        var rest = uri["s3://".Length..];
        return Path.Combine(Path.GetFullPath(sources.ObjectRoot), rest.Replace('/', Path.DirectorySeparatorChar));
    }
}
