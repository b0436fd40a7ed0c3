using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// What the console's pages do, over plain HTTP: a cookie jar, the <c>X-Attune-Console: 1</c> header on every request
/// (unless told otherwise), and the public API's control plane as the browser calls it.
/// </summary>
public sealed class ConsoleClient : IDisposable
{
    public ConsoleClient(string endpoint, bool consoleHeader = true)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = new Uri(endpoint),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (consoleHeader)
        {
            Http.DefaultRequestHeaders.Add("X-Attune-Console", "1");
        }
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> SignInAsync(string accessKeyId, string secretAccessKey) =>
        Http.PostAsJsonAsync("/console/api/session", new { accessKeyId, secretAccessKey });

    /// <summary>A control-plane operation: the status and the output (or the error with __type and message).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string operation, object input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("X-Amz-Target", $"AmazonPersonalize.{operation}");
        request.Content = new StringContent(JsonSerializer.Serialize(input), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await JsonOf(response));
    }

    /// <summary>A console API call with a JSON body (or none): the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await JsonOf(response));
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return document.RootElement.Clone();
    }

    /// <summary>A dataset group with an ACTIVE Interactions dataset; returns its ARN.</summary>
    public async Task<string> CreateGroupWithInteractionsAsync(string name)
    {
        var group = (await CallOkAsync("CreateDatasetGroup", new { name })).GetProperty("datasetGroupArn").GetString()!;
        await WaitActiveAsync("DescribeDatasetGroup", "datasetGroupArn", "datasetGroup", group);
        var schema = (await CallOkAsync("CreateSchema", new { name, schema = Schemas.Interactions })).GetProperty("schemaArn").GetString()!;
        var dataset = (await CallOkAsync("CreateDataset", new { name, datasetGroupArn = group, datasetType = "Interactions", schemaArn = schema }))
            .GetProperty("datasetArn").GetString()!;
        await WaitActiveAsync("DescribeDataset", "datasetArn", "dataset", dataset);
        return group;
    }

    /// <summary>An ACTIVE event tracker of the group; returns its tracking id.</summary>
    public async Task<string> CreateTrackerAsync(string group, string name)
    {
        var tracker = await CallOkAsync("CreateEventTracker", new { name, datasetGroupArn = group });
        await WaitActiveAsync("DescribeEventTracker", "eventTrackerArn", "eventTracker", tracker.GetProperty("eventTrackerArn").GetString()!);
        return tracker.GetProperty("trackingId").GetString()!;
    }

    /// <summary>PutEvents of one click per item, by user stream-user, sent at 1765000000.</summary>
    public async Task PutEventsAsync(string trackingId, params string[] items)
    {
        using var response = await Http.PostAsJsonAsync("/events", new
        {
            trackingId,
            userId = "stream-user",
            sessionId = "stream-session",
            eventList = items.Select(item => new { eventType = "click", itemId = item, sentAt = 1_765_000_000 }),
        }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The output of an operation that must succeed.</summary>
    public async Task<JsonElement> CallOkAsync(string operation, object input)
    {
        var (status, body) = await CallAsync(operation, input);
        Assert.True(status == HttpStatusCode.OK, $"{operation}: {status} {body}");
        return body;
    }

    private async Task WaitActiveAsync(string describe, string arnMember, string member, string arn)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await CallOkAsync(describe, new Dictionary<string, string> { [arnMember] = arn })).GetProperty(member).GetProperty("status").GetString();
            if (status == "ACTIVE")
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline && status is "CREATE PENDING" or "CREATE IN_PROGRESS", $"{arn} is {status}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => Http.Dispose();
}
