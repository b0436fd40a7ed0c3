using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// The console's server side over real HTTP, in auth mode none: static serving and its headers, the filter check, the
/// live event stream, cluster and health, and uploads into the object store.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class ConsoleApiTests(SharedServer shared)
{
    [Fact]
    public async Task A_browser_at_the_root_is_sent_to_the_console_whose_pages_carry_the_security_headers()
    {
        using var console = new ConsoleClient(shared.Server.Endpoint, consoleHeader: false);
        using var browserRoot = new HttpRequestMessage(HttpMethod.Get, "/");
        browserRoot.Headers.Add("Accept", "text/html,application/xhtml+xml");

        using var redirect = await console.Http.SendAsync(browserRoot, TestContext.Current.CancellationToken);
        using var sdkRoot = await console.Http.GetAsync("/", TestContext.Current.CancellationToken);
        using var page = await console.Http.GetAsync("/console/campaign?arn=x", TestContext.Current.CancellationToken);
        using var script = await console.Http.GetAsync("/console/js/app.js", TestContext.Current.CancellationToken);
        using var missing = await console.Http.GetAsync("/console/js/missing.js", TestContext.Current.CancellationToken);
        using var unknownApi = await console.Http.GetAsync("/console/api/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("/console/", redirect.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, sdkRoot.StatusCode); // what SDK-style traffic got before the console
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        foreach (var response in new[] { page, script, missing, unknownApi })
        {
            Assert.Equal(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
                string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        }
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
    }

    [Fact]
    public async Task The_session_endpoint_says_the_console_is_open_in_mode_none()
    {
        using var console = new ConsoleClient(shared.Server.Endpoint);

        var (status, session) = await console.SendAsync(HttpMethod.Get, "/console/api/session");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("none", session.GetProperty("authMode").GetString());
        Assert.True(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal("000000000000", session.GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task Validate_filter_answers_the_parsers_error_with_the_1_based_position_its_message_names_and_length_and_checks_a_groups_schemas()
    {
        using var console = new ConsoleClient(shared.Server.Endpoint);
        var group = await console.CreateGroupWithInteractionsAsync("console-validate");

        var valid = await console.SendAsync(HttpMethod.Post, "/console/api/validate-filter",
            new { filterExpression = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")" });
        var syntax = await console.SendAsync(HttpMethod.Post, "/console/api/validate-filter",
            new { filterExpression = "INCLUDE ItemID WHERE Items.GENRE LIKE (\"drama\")" });
        var schema = await console.SendAsync(HttpMethod.Post, "/console/api/validate-filter",
            new { filterExpression = "INCLUDE ItemID WHERE Items.GENRE IN (\"drama\")", datasetGroupArn = group });
        var withGroup = await console.SendAsync(HttpMethod.Post, "/console/api/validate-filter",
            new { filterExpression = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")", datasetGroupArn = group });
        var unknownGroup = await console.SendAsync(HttpMethod.Post, "/console/api/validate-filter",
            new { filterExpression = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")", datasetGroupArn = group + "-gone" });
        var notJson = await console.SendAsync(HttpMethod.Post, "/console/api/validate-filter", "just a string");

        Assert.True(valid.Body.GetProperty("valid").GetBoolean(), valid.Body.ToString());
        Assert.False(syntax.Body.GetProperty("valid").GetBoolean());
        Assert.Equal(34, syntax.Body.GetProperty("position").GetInt32()); // LIKE is the 34th character (offset 33)
        Assert.StartsWith("Invalid filter expression at position 34:", syntax.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, syntax.Body.GetProperty("length").GetInt32());
        Assert.Contains("found 'LIKE'", syntax.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(schema.Body.GetProperty("valid").GetBoolean());
        Assert.Contains("Items", schema.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(withGroup.Body.GetProperty("valid").GetBoolean(), withGroup.Body.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknownGroup.Status);
        Assert.Contains("-gone", unknownGroup.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
    }

    [Fact]
    public async Task The_event_stream_shows_a_groups_put_events_with_their_rate_and_nothing_of_other_groups()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var console = new ConsoleClient(shared.Server.Endpoint);
        var watched = await console.CreateGroupWithInteractionsAsync("console-stream");
        var other = await console.CreateGroupWithInteractionsAsync("console-stream-other");
        var watchedTracking = await console.CreateTrackerAsync(watched, "console-stream");
        var otherTracking = await console.CreateTrackerAsync(other, "console-stream-other");

        using var response = await console.Http.GetAsync(
            $"/console/api/event-stream?datasetGroupArn={Uri.EscapeDataString(watched)}", HttpCompletionOption.ResponseHeadersRead, cancellation);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new EventStreamReader(await response.Content.ReadAsStreamAsync(cancellation));
        await console.PutEventsAsync(otherTracking, "not-this-group");
        await console.PutEventsAsync(watchedTracking, "item-1", "item-2", "item-3");

        var seen = new List<JsonElement>();
        var rate = 0.0;
        while (seen.Count < 3)
        {
            var message = await stream.NextAsync(TimeSpan.FromSeconds(10));
            seen.AddRange(message.GetProperty("events").EnumerateArray());
            rate = message.GetProperty("eventsPerSecond").GetDouble();
        }
        var unknown = await console.SendAsync(HttpMethod.Get, $"/console/api/event-stream?datasetGroupArn={Uri.EscapeDataString(watched + "-gone")}");

        Assert.Equal(["item-1", "item-2", "item-3"], seen.Select(e => e.GetProperty("itemId").GetString()));
        Assert.All(seen, e =>
        {
            Assert.Equal("stream-user", e.GetProperty("userId").GetString());
            Assert.Equal("click", e.GetProperty("eventType").GetString());
            Assert.Equal("PutEvents", e.GetProperty("source").GetString());
            Assert.Equal(1_765_000_000, e.GetProperty("sentAt").GetInt64());
        });
        Assert.True(rate > 0, $"eventsPerSecond {rate}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Cluster_and_health_describe_the_embedded_silo_and_its_checks()
    {
        using var console = new ConsoleClient(shared.Server.Endpoint);

        var (clusterStatus, cluster) = await console.SendAsync(HttpMethod.Get, "/console/api/cluster");
        var (healthStatus, health) = await console.SendAsync(HttpMethod.Get, "/console/api/health");

        Assert.Equal(HttpStatusCode.OK, clusterStatus);
        Assert.Equal("embedded", cluster.GetProperty("mode").GetString());
        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.True(silo.GetProperty("activations").GetInt32() > 0);
        Assert.True(silo.GetProperty("memoryBytes").GetInt64() > 0);
        Assert.True(silo.GetProperty("servedModels").GetInt32() >= 0);
        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal(["catalog", "datasets", "orleans"],
            health.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_upload_larger_than_the_API_body_limit_streams_into_the_object_store_and_bad_locations_are_refused()
    {
        using var console = new ConsoleClient(shared.Server.Endpoint);
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300_000).Select(i => $"u{i},i{i % 97},{1_700_000_000 + i}\n")));
        Assert.True(content.Length > 4 << 20);

        using var uploaded = await console.Http.PutAsync("/console/api/upload?location=s3://console-uploads/big.csv",
            new ByteArrayContent(content), TestContext.Current.CancellationToken);
        var answer = await ConsoleClient.JsonOf(uploaded);
        var escaping = await UploadAsync(console, "s3://console-uploads/../../etc/passwd");
        var local = await UploadAsync(console, "file:///tmp/console-upload.csv");
        var prefix = await UploadAsync(console, "s3://console-uploads/folder/");
        var bucketOnly = await UploadAsync(console, "s3://console-uploads");
        var control = await UploadAsync(console, "s3://console-uploads/a\u0000b.csv");
        using var crossSite = new ConsoleClient(shared.Server.Endpoint, consoleHeader: false);
        var withoutHeader = await UploadAsync(crossSite, "s3://console-uploads/cross-site.csv");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(content.Length, answer.GetProperty("bytes").GetInt64());
        Assert.Equal("s3://console-uploads/big.csv", answer.GetProperty("location").GetString());
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(shared.Server.ObjectRoot, "console-uploads", "big.csv"), TestContext.Current.CancellationToken));
        Assert.All([escaping, local, prefix, bucketOnly, control], refused => Assert.Equal(HttpStatusCode.BadRequest, refused));
        Assert.False(File.Exists("/tmp/console-upload.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader); // even in mode none: a cross-site page cannot write objects
        Assert.False(File.Exists(Path.Combine(shared.Server.ObjectRoot, "console-uploads", "cross-site.csv")));
    }

    [Fact]
    public async Task An_upload_cut_off_mid_body_leaves_nothing_at_its_location()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", shared.Server.Port, cancellation);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"PUT /console/api/upload?location=s3://console-uploads/cut.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\nX-Attune-Console: 1\r\n\r\n"), cancellation);
        await stream.WriteAsync(new byte[300_000], cancellation);
        await stream.FlushAsync(cancellation);
        await Task.Delay(300, cancellation);
        socket.Client.Close(); // the connection drops with 700,000 bytes unsent

        var folder = Path.Combine(shared.Server.ObjectRoot, "console-uploads");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "cut.csv*").Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellation);
        }
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "cut.csv*").Any(),
            "the cut upload left a file (or its partial) behind");
    }

    private static async Task<HttpStatusCode> UploadAsync(ConsoleClient console, string location)
    {
        using var response = await console.Http.PutAsync($"/console/api/upload?location={Uri.EscapeDataString(location)}",
            new ByteArrayContent("a,b\n"u8.ToArray()), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
