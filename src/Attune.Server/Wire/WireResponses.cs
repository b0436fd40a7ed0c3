using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.Server.Wire;

/// <summary>Writes successful and error responses in the shapes AWS SDKs parse.</summary>
internal static class WireResponses
{
    public const string AwsJsonContentType = "application/x-amz-json-1.1";
    public const string RestJsonContentType = "application/json";

    public static async Task WriteOutputAsync(HttpResponse response, string contentType, JsonObject? output)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        (output ?? []).WriteTo(writer);
        await writer.FlushAsync();
    }

    /// <summary>An output that writes itself: the same bytes a JsonObject of the same members would give.</summary>
    public static async Task WriteOutputAsync(HttpResponse response, string contentType, IWireOutput output)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        output.WriteTo(writer);
        await writer.FlushAsync();
    }

    /// <summary>
    /// An error with its name in both the X-Amzn-ErrorType header and the body's __type, which every
    /// SDK of both protocols understands.
    /// </summary>
    public static async Task WriteErrorAsync(HttpResponse response, string contentType, int status, string errorCode, string message)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers["X-Amzn-ErrorType"] = errorCode;
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("__type", errorCode);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        await writer.FlushAsync();
    }
}
