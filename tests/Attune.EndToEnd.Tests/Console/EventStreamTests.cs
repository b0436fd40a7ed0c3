using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// An event sent with PutEvents over HTTP, as the SDKs send it, appears in the event trackers page's live stream, and so
/// does one sent with the page's test-event form.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class EventStreamTests(ConsoleServer fixture)
{
    [Fact]
    public async Task An_event_sent_with_PutEvents_appears_in_the_live_stream_with_a_rate()
    {
        var group = await ConsoleGroup.CreateAsync(fixture, "console-events");
        await using var console = await fixture.OpenAsync(ConsoleGroup.Page("event-trackers", group));
        var page = console.Page;
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("site");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event tracker" }).ClickAsync();
        var tracker = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "site" });
        await Expect(tracker).ToContainTextAsync("ACTIVE");
        var trackingId = await tracker.Locator("td code").InnerTextAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connected" })).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.Endpoint) };
        using var response = await http.PostAsJsonAsync("/events", new
        {
            trackingId,
            userId = "console-user-7",
            sessionId = "s1",
            eventList = new[] { new { eventType = "click", itemId = "item-42", sentAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds() } },
        }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Incoming events, newest first" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "console-user-7" });
        await Expect(row).ToContainTextAsync("item-42");
        await Expect(row).ToContainTextAsync("click");
        await Expect(page.Locator("output.rate")).Not.ToHaveTextAsync("0.0");

        // The page's own test event goes through the same PutEvents.
        await page.GetByLabel("Item id").FillAsync("item-43");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send event" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Incoming events, newest first" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "item-43" })).ToContainTextAsync("console-user");
        await console.CheckAsync("event-trackers");
    }
}
