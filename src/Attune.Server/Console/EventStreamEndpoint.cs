using System.Text.Json;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.WebConsole;

/// <summary>
/// GET /console/api/event-stream?datasetGroupArn=...: Server-Sent Events of the group's incoming PutEvents, every
/// 500 ms at most 50 events with the rate over the last 10 s, and a keepalive comment every 15 s.
/// </summary>
internal static class EventStreamEndpoint
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapEventStream(this IEndpointRouteBuilder api) => api.MapGet("/event-stream",
        async (HttpContext http, ConsoleCaller caller, ConsoleEventFeed feed, Resources resources, TimeProvider clock) =>
        {
            if (caller.AccountOf(http.Request) is not { } account)
            {
                await ConsoleResults.NotSignedIn().ExecuteAsync(http);
                return;
            }
            var groupArn = http.Request.Query["datasetGroupArn"].ToString();
            if (groupArn.Length == 0)
            {
                await ConsoleResults.Error(400, "Name the dataset group: ?datasetGroupArn=arn:aws:personalize:...").ExecuteAsync(http);
                return;
            }
            try
            {
                await resources.GetAsync(groupArn, ResourceKinds.DatasetGroup, caller.Context(http, account));
            }
            catch (ApiException error)
            {
                await ConsoleResults.Error(404, error.Message).ExecuteAsync(http);
                return;
            }
            await StreamAsync(http, feed, groupArn, clock);
        });

    private static async Task StreamAsync(HttpContext http, ConsoleEventFeed feed, string groupArn, TimeProvider clock)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        using var watcher = feed.Watch(groupArn);
        using var ticks = new PeriodicTimer(Every, clock);
        await http.Response.WriteAsync(": connected\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        var lastWrite = clock.GetUtcNow();
        var lastRate = -1.0;
        try
        {
            while (await ticks.WaitForNextTickAsync(http.RequestAborted))
            {
                var events = watcher.Drain();
                var rate = Math.Round(feed.EventsPerSecond(groupArn), 1);
                var now = clock.GetUtcNow();
                if (events.Count > 0 || rate != lastRate)
                {
                    await http.Response.WriteAsync($"event: events\ndata: {Message(events, rate)}\n\n", http.RequestAborted);
                    (lastWrite, lastRate) = (now, rate);
                }
                else if (now - lastWrite >= KeepAlive)
                {
                    await http.Response.WriteAsync(": keepalive\n\n", http.RequestAborted);
                    lastWrite = now;
                }
                else
                {
                    continue;
                }
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The browser went away (page closed or navigated): nothing to answer.
        }
    }

    private static string Message(List<Attune.Grains.Live.PrincipalEvent> events, double rate) => JsonSerializer.Serialize(new
    {
        events = events.Select(e => new
        {
            userId = e.Principal,
            itemId = e.Event.ItemId,
            eventType = e.Event.EventType,
            eventValue = float.IsNaN(e.Event.EventValue) ? (float?)null : e.Event.EventValue, // NaN: the event had none
            sentAt = e.Event.Timestamp,
            source = "PutEvents",
        }),
        eventsPerSecond = rate,
    });
}
