using System.Text.Json;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>Reads a Server-Sent Events response: the data of each <c>event: events</c> message, in order.</summary>
public sealed class EventStreamReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    /// <summary>The next <c>events</c> message's data, or fails when none comes within <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        string? name = null;
        while (await _reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "events")
            {
                using var document = JsonDocument.Parse(line["data: ".Length..]);
                return document.RootElement.Clone();
            }
        }
        throw new InvalidOperationException("The event stream ended.");
    }

    public void Dispose() => _reader.Dispose();
}
