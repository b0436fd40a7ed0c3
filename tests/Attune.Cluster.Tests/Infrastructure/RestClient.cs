using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>The restJson APIs (runtime and events) of one process.</summary>
public sealed class RestClient(string endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(30) };

    public string Endpoint => endpoint;

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>; fails the test with the answer unless it is a 2xx.</summary>
    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} {JsonSerializer.Serialize(body)} answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
