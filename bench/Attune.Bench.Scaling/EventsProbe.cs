using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Bench.Load;

namespace Attune.Bench.Scaling;

/// <summary>PutEvents bodies for the campaign's dataset group, if this server build answers PutEvents with 200.</summary>
internal static class EventsProbe
{
    /// <summary>A body per sequence number, or null and why PutEvents cannot be driven.</summary>
    public static async Task<(Func<long, byte[]>? Body, string Reason)> PrepareAsync(
        ControlPlane control, ClosedLoop loop, string endpoint, BenchCampaign campaign)
    {
        string trackingId;
        try
        {
            var groups = await control.CallAsync("ListDatasetGroups", []);
            var group = groups["datasetGroups"]!.AsArray().Single(g => g!["name"]!.GetValue<string>() == "load")!["datasetGroupArn"]!.GetValue<string>();
            var tracker = await control.CallAsync("CreateEventTracker", new JsonObject { ["name"] = "scaling", ["datasetGroupArn"] = group });
            await control.WaitActiveAsync("DescribeEventTracker", "eventTrackerArn", tracker["eventTrackerArn"]!.GetValue<string>(), "eventTracker", TimeSpan.FromMinutes(1));
            trackingId = tracker["trackingId"]!.GetValue<string>();
        }
        catch (InvalidOperationException error)
        {
            return (null, $"not available (CreateEventTracker: {error.Message})");
        }
        byte[] Body(long sequence) => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["trackingId"] = trackingId,
            ["userId"] = campaign.UserIds[(int)(sequence % campaign.UserIds.Count)],
            ["sessionId"] = string.Create(CultureInfo.InvariantCulture, $"s{sequence % 10_000}"),
            ["eventList"] = new JsonArray(new JsonObject
            {
                ["eventType"] = "click",
                ["itemId"] = string.Create(CultureInfo.InvariantCulture, $"{sequence % 1_000 + 1}"),
                ["sentAt"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            }),
        }.ToJsonString());
        return await loop.SendAsync(new Uri(endpoint + "/events"), Body(0))
            ? (Body, "measured")
            : (null, "not available (PutEvents did not answer 200 on this build)");
    }
}
