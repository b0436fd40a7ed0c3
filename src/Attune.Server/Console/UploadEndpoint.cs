using Attune.Storage.Objects;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Attune.Server.WebConsole;

/// <summary>
/// PUT /console/api/upload?location=s3://bucket/key: the raw body streamed into the object store (never held whole in
/// memory) for a later CreateDatasetImportJob. The store writes whole or not at all, so a body cut short or over
/// <see cref="ConsoleOptions.MaxUploadBytes"/> leaves nothing at the location.
/// </summary>
internal static class UploadEndpoint
{
    public static void MapUpload(this IEndpointRouteBuilder api) => api.MapPut("/upload",
        async (HttpContext http, ConsoleCaller caller, IObjectStore objects, IOptions<ConsoleOptions> options) =>
        {
            if (caller.AccountOf(http.Request) is null)
            {
                return ConsoleResults.NotSignedIn();
            }
            var location = http.Request.Query["location"].ToString();
            var max = options.Value.MaxUploadBytes;
            if (!IsObject(location))
            {
                return ConsoleResults.Error(400, $"The location '{location}' must be an s3://bucket/key object (a key in a bucket, not a prefix).");
            }
            try
            {
                objects.Check(location); // the import rules: no .., no odd bucket, nothing outside the object root
            }
            catch (ObjectLocationException error)
            {
                return ConsoleResults.Error(400, error.Message);
            }
            if (http.Request.ContentLength > max)
            {
                return ConsoleResults.Error(413, $"The file is {http.Request.ContentLength} bytes; uploads are limited to {max} bytes (Attune:Console:MaxUploadBytes).");
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max; // Kestrel's 30 MB default does not apply; the copy below enforces the limit
            }
            long written = 0;
            try
            {
                await objects.WriteAsync(location, async (target, cancellation) =>
                    written = await CopyBoundedAsync(http.Request.Body, target, max, cancellation), http.RequestAborted);
            }
            catch (UploadTooLargeException)
            {
                return ConsoleResults.Error(413, $"The file is larger than the {max} bytes uploads are limited to (Attune:Console:MaxUploadBytes).");
            }
            catch (BadHttpRequestException error)
            {
                return ConsoleResults.Error(400, $"The upload was cut short: {error.Message}");
            }
            return Results.Json(new { location, bytes = written });
        });

    /// <summary>s3://bucket/key with a bucket and a key: an object, not a bucket or a prefix.</summary>
    private static bool IsObject(string location)
    {
        if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        return slash > 0 && slash < rest.Length - 1 && !rest.EndsWith('/');
    }

    /// <summary>Copies the body, failing as soon as it passes <paramref name="max"/> bytes; returns the bytes copied.</summary>
    private static async Task<long> CopyBoundedAsync(Stream source, Stream target, long max, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellation)) > 0)
        {
            total += read;
            if (total > max)
            {
                throw new UploadTooLargeException();
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
        }
        return total;
    }

    private sealed class UploadTooLargeException : Exception;
}
