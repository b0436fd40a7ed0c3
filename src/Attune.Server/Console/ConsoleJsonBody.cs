using System.Text.Json;
using Attune.Server.Wire;

namespace Attune.Server.WebConsole;

/// <summary>Reads a small JSON request body of the console API (bounded like the API's bodies).</summary>
internal static class ConsoleJsonBody
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>The body as <typeparamref name="T"/>, or null when it is too large or not that JSON.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext http) where T : class
    {
        try
        {
            using var body = await RequestBody.ReadAsync(http.Request, MaxBytes, http.RequestAborted);
            return JsonSerializer.Deserialize<T>(body.Span, JsonSerializerOptions.Web);
        }
        catch (Exception error) when (error is JsonException or ApiException)
        {
            return null;
        }
    }
}
