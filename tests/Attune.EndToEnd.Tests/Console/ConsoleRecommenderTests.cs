using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// A domain group's recommender from the console against the real server: an ECOMMERCE group created with the
/// console's domain picker, small generated View/Purchase data imported through the API, a recommender created with the console's use-case picker that becomes
/// ACTIVE with modelMetrics, "try it" with recommenderArn, then a served recommendation and a PutEvents naming its
/// recommendationId that the online metrics page charts; a metric attribution created from that page; then stop,
/// start and delete from the recommender's page.
/// </summary>
[Collection(ConsoleServerCollection.Name)]
public sealed class ConsoleRecommenderTests(ConsoleServer fixture)
{
    private const string Name = "console-shop";
    private const long Now = 1_700_000_000;
    private const string EcommerceInteractions =
        """{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}],"version":"1.0"}""";

    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_user_creates_a_recommender_tries_it_and_sees_its_online_metrics_from_served_recommendations_and_events()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await page.GetByLabel("Domain").SelectOptionAsync("ECOMMERCE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create dataset group" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = Name })).ToContainTextAsync(new Regex("ECOMMERCE\\s*ACTIVE"));

        var (group, trackingId) = await ShopAsync(cancellationToken);
        await page.GotoAsync($"{fixture.Server.Endpoint}{ConsoleGroup.Page("campaigns", group)}");

        var create = page.GetByRole(AriaRole.Region, new() { Name = "Create a recommender" });
        await create.GetByLabel("Name").FillAsync($"{Name}-rfy");
        await create.GetByLabel("Use case").SelectOptionAsync(new SelectOptionValue { Label = "aws-ecomm-recommended-for-you" });
        await create.GetByRole(AriaRole.Button, new() { Name = "Create recommender" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Region, new() { Name = "Status and configuration" });
        await Expect(status).ToContainTextAsync("ACTIVE", new() { Timeout = (float)Slow.TotalMilliseconds });
        await Expect(status.GetByRole(AriaRole.Table, new() { Name = "Model metrics" })).ToContainTextAsync("precision_at_25");
        await console.CheckAsync("recommender");

        await page.GetByLabel("User id").FillAsync("u3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get recommendations" }).ClickAsync();
        var results = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "recommendationId" });
        await Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(11);
        await console.CheckAsync("recommender-try-it");

        var recommenderArn = await RecommenderArnAsync(group, cancellationToken);
        await ServeAndActOnAsync(recommenderArn, trackingId, cancellationToken);
        await page.GetByRole(AriaRole.Link, new() { Name = "Online metrics of this recommender" }).ClickAsync();
        var charts = page.GetByRole(AriaRole.Region, new() { Name = "Charts" });
        await Expect(charts.GetByRole(AriaRole.Table, new() { Name = "Totals over the window" })).ToContainTextAsync("Purchase");
        await Expect(charts.Locator(".no-data")).ToHaveCountAsync(0);

        var attribution = page.GetByRole(AriaRole.Region, new() { Name = "Metric attribution" });
        await attribution.GetByLabel("Name", new() { Exact = true }).FillAsync($"{Name}-attribution");
        await attribution.GetByLabel("Event type").FillAsync("Purchase");
        await attribution.GetByLabel("Metric name").FillAsync("PURCHASES");
        await attribution.GetByRole(AriaRole.Button, new() { Name = "Create metric attribution" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Attributed metrics" })).ToContainTextAsync("SAMPLECOUNT()");
        await console.CheckAsync("online-metrics-recommender");

        // Stop, start and delete from its page: each button follows the status the server reports.
        await console.NavigateAsync("Campaigns & recommenders");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{Name}-rfy" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop recommender" }).ClickAsync();
        await Expect(status).ToContainTextAsync("INACTIVE", new() { Timeout = (float)Slow.TotalMilliseconds });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start recommender" }).ClickAsync();
        // Only an ACTIVE recommender offers Stop ("INACTIVE" would also match a text check for ACTIVE).
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop recommender" })).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // "Delete recommender console-shop-rfy?"
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete recommender" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns & recommenders" })).ToBeVisibleAsync();
        Assert.DoesNotContain(console.Errors, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
    }

    /// <summary>The console-made group with 60 shoppers' views and purchases imported, and an event tracker.</summary>
    private async Task<(string Group, string TrackingId)> ShopAsync(CancellationToken cancellationToken)
    {
        using var api = new ControlPlaneClient(fixture.Server.Endpoint);
        var timeout = TimeSpan.FromSeconds(30);
        var groups = await api.CallAsync("ListDatasetGroups", new { }, cancellationToken);
        var group = groups.GetProperty("datasetGroups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == Name).GetProperty("datasetGroupArn").GetString()!;
        var schema = (await api.CallAsync("CreateSchema", new { name = $"{Name}-interactions", schema = EcommerceInteractions, domain = "ECOMMERCE" }, cancellationToken))
            .GetProperty("schemaArn").GetString();
        var dataset = await api.CreateActiveAsync("CreateDataset", new { name = $"{Name}-interactions", schemaArn = schema, datasetGroupArn = group, datasetType = "Interactions" },
            "datasetArn", timeout, cancellationToken);
        Directory.CreateDirectory(Path.Combine(fixture.Server.ObjectRoot, Name));
        await File.WriteAllLinesAsync(Path.Combine(fixture.Server.ObjectRoot, Name, "interactions.csv"), Interactions(), cancellationToken);
        await api.CreateActiveAsync("CreateDatasetImportJob", new { jobName = $"{Name}-import", datasetArn = dataset, dataSource = new { dataLocation = $"s3://{Name}/interactions.csv" } },
            "datasetImportJobArn", timeout, cancellationToken);
        var tracker = await api.CreateActiveAsync("CreateEventTracker", new { name = $"{Name}-tracker", datasetGroupArn = group }, "eventTrackerArn", timeout, cancellationToken);
        var trackingId = (await api.CallAsync("DescribeEventTracker", new { eventTrackerArn = tracker }, cancellationToken))
            .GetProperty("eventTracker").GetProperty("trackingId").GetString()!;
        return (group, trackingId);
    }

    private async Task<string> RecommenderArnAsync(string group, CancellationToken cancellationToken)
    {
        using var api = new ControlPlaneClient(fixture.Server.Endpoint);
        var listed = await api.CallAsync("ListRecommenders", new { datasetGroupArn = group }, cancellationToken);
        return listed.GetProperty("recommenders").EnumerateArray().Single().GetProperty("recommenderArn").GetString()!;
    }

    /// <summary>60 shoppers over 20 items: six views each, and whoever views an item buys the next one.</summary>
    private static IEnumerable<string> Interactions()
    {
        yield return "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE";
        for (var user = 0; user < 60; user++)
        {
            var time = Now + (user * 3600);
            for (var k = 0; k < 6; k++)
            {
                var item = ((user * 7) + (k * k)) % 20;
                yield return string.Create(CultureInfo.InvariantCulture, $"u{user},i{item},{time + (k * 60)},View");
                yield return string.Create(CultureInfo.InvariantCulture, $"u{user},i{(item + 1) % 20},{time + (k * 60) + 30},Purchase");
            }
        }
    }

    /// <summary>
    /// GetRecommendations with the recommenderArn and a Purchase of its first item naming the recommendationId, then
    /// waits until /online-metrics counts it (each silo flushes its buffer every second).
    /// </summary>
    private async Task ServeAndActOnAsync(string recommenderArn, string trackingId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.Endpoint) };
        using var served = await http.PostAsJsonAsync("/recommendations", new { recommenderArn, userId = "u5", numResults = 5 }, cancellationToken);
        var answer = await ConsoleClient.JsonOf(served);
        Assert.True(served.IsSuccessStatusCode, answer.ToString());
        var recommendationId = answer.GetProperty("recommendationId").GetString();
        var item = answer.GetProperty("itemList")[0].GetProperty("itemId").GetString();
        using var events = await http.PostAsJsonAsync("/events", new
        {
            trackingId, userId = "u5", sessionId = "console-session",
            eventList = new[] { new { eventType = "Purchase", itemId = item, recommendationId, sentAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds() } },
        }, cancellationToken);
        Assert.True(events.IsSuccessStatusCode, await events.Content.ReadAsStringAsync(cancellationToken));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var metrics = await http.GetAsync($"/online-metrics?resourceArn={Uri.EscapeDataString(recommenderArn)}&minutes=60", cancellationToken);
            var body = await ConsoleClient.JsonOf(metrics);
            if (body.TryGetProperty("totals", out var totals) && totals.TryGetProperty("events", out var byType) && byType.TryGetProperty("Purchase", out _))
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"online metrics never counted the purchase: {body}");
            await Task.Delay(250, cancellationToken);
        }
    }
}
