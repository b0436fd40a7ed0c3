using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Attune.Storage.Objects;

/// <summary>
/// <c>s3://bucket/key</c> on an S3-compatible service (AWS S3, MinIO, s3rver, ...) through AWSSDK.S3; <c>file://</c>
/// reads go to <paramref name="files"/> with its rules. Reads download to a scratch file (the importers read files);
/// writes stage to a local temporary file, then upload it, in parts above 16 MB (multipart upload), so an object appears
/// only complete.
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 client, LocalObjectStore files) : IObjectStore
{
    /// <summary>Objects above this size go up in parts of this size (S3 allows 5 MB to 5 GB per part).</summary>
    public const long PartBytes = 16 * 1024 * 1024;

    public void Check(string uri)
    {
        if (IsFile(uri))
        {
            files.Check(uri);
            return;
        }

        Parse(uri);
    }

    public async Task<IReadOnlyList<StoredObject>> ListAsync(string uri, CancellationToken cancellationToken)
    {
        if (IsFile(uri))
        {
            return await files.ListAsync(uri, cancellationToken);
        }

        var (bucket, key) = Parse(uri);
        var found = new List<StoredObject>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = key };
        try
        {
            ListObjectsV2Response page;
            do
            {
                page = await client.ListObjectsV2Async(request, cancellationToken);
                found.AddRange((page.S3Objects ?? []).Where(o => !o.Key.EndsWith('/'))
                    .Select(o => new StoredObject($"s3://{bucket}/{o.Key}", o.Key, o.Size ?? 0)));
                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);
        }
        catch (AmazonS3Exception error)
        {
            throw new ObjectLocationException($"The location {uri} cannot be listed: {error.ErrorCode ?? error.StatusCode.ToString()} ({error.Message}).", error);
        }

        // S3's prefix semantics, as the local store has them: a key naming an object is that object alone.
        var exact = found.Where(o => o.Key == key).ToList();
        var objects = exact.Count > 0 ? exact : [.. found.OrderBy(o => o.Key, StringComparer.Ordinal)];
        return objects.Count > 0
            ? objects
            : throw new ObjectLocationException($"No files found at {uri}: the object does not exist and no key starts with that prefix.");
    }

    public async Task<string> FetchAsync(StoredObject stored, string scratch, CancellationToken cancellationToken)
    {
        if (IsFile(stored.Uri))
        {
            return await files.FetchAsync(stored, scratch, cancellationToken);
        }

        var (bucket, key) = Parse(stored.Uri);
        Directory.CreateDirectory(scratch);
        var path = Path.Combine(scratch, $"{Guid.NewGuid():N}-{Path.GetFileName(key)}");
        using var response = await client.GetObjectAsync(bucket, key, cancellationToken);
        await using var source = response.ResponseStream;
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await source.CopyToAsync(target, cancellationToken);
        return path;
    }

    public async Task WriteAsync(string uri, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var (bucket, key) = Parse(uri);
        if (key.Length == 0 || key.EndsWith('/'))
        {
            throw new ObjectLocationException($"The output location {uri} must be an s3://bucket/key object.");
        }

        var staged = Path.Combine(Path.GetTempPath(), $"attune-s3-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file, cancellationToken);
            }

            await UploadAsync(bucket, key, staged, cancellationToken);
        }
        finally
        {
            File.Delete(staged);
        }
    }

    /// <summary>One PUT up to <see cref="PartBytes"/>, else a multipart upload that S3 assembles only when completed.</summary>
    private async Task UploadAsync(string bucket, string key, string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        // Plain (not aws-chunked) bodies, and checksums only where required: S3-compatible stores differ in what they decode.
        if (length <= PartBytes)
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, cancellationToken);
            return;
        }

        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (long offset = 0, number = 1; offset < length; offset += PartBytes, number++)
            {
                var part = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FilePath = path,
                    FilePosition = offset,
                    PartSize = Math.Min(PartBytes, length - offset),
                    UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag((int)number, part.ETag));
            }

            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await client.AbortMultipartUploadAsync(bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken)
    {
        var (bucket, key) = Parse(uri);
        try
        {
            await client.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static bool IsFile(string uri) => uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Bucket and key of an s3:// location, with the same refusals as the local store (no '..', no leading '/').</summary>
    private static (string Bucket, string Key) Parse(string uri)
    {
        if (!uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ObjectLocationException($"The location {uri} is not supported: use s3://bucket/key.");
        }

        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length is < 3 or > 63 || bucket.Contains("..", StringComparison.Ordinal)
            || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            throw new ObjectLocationException($"The location {uri} has no valid S3 bucket name: 3 to 63 lowercase letters, digits, '.' and '-'.");
        }

        if (key.StartsWith('/') || key.Split('/').Any(segment => segment == ".."))
        {
            throw new ObjectLocationException($"The location {uri} is refused: an s3:// key must not start with '/' or contain '..' segments.");
        }

        return (bucket, key);
    }
}
