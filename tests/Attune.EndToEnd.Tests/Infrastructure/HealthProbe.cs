using System.Net;
using System.Text.Json;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>One answer of a health endpoint: its HTTP status and the JSON body's status and per-check statuses.</summary>
public sealed record HealthAnswer(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, string> Checks, string Body)
{
    public static async Task<HealthAnswer> GetAsync(string endpoint, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri(endpoint + path), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.TryGetProperty("checks", out var entries)
            ? entries.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetProperty("status").GetString()!)
            : [];
        return new HealthAnswer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }
}
