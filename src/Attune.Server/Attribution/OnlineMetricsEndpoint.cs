using System.Globalization;
using System.Text.Json.Nodes;
using Attune.Contracts.OnlineMetrics;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.Attribution;

/// <summary>
/// <c>GET /online-metrics?resourceArn=&lt;campaign or recommender ARN&gt;&amp;minutes=60</c>, Attune's extension (no
/// Personalize operation): per-minute buckets of recommendations, impressions and, per event type, the events on
/// them with their rate (events on recommended items / impressions), and the totals. Authenticated and scoped to the
/// caller's account like every API request; an unknown or other account's ARN is ResourceNotFoundException.
/// </summary>
internal static class OnlineMetricsEndpoint
{
    public const string Path = "/online-metrics";
    private const int MaxMinutes = 24 * 60;

    public static async Task<JsonObject> ReadAsync(HttpRequest request, CallContext context, IResourceRegistry registry, IGrainFactory grains)
    {
        var arn = request.Query["resourceArn"].ToString();
        if (arn.Length == 0)
        {
            throw ApiErrors.InvalidInput("resourceArn is required: the ARN of a campaign or recommender.");
        }
        var minutesText = request.Query["minutes"].ToString();
        var minutes = 60;
        if (minutesText.Length > 0 && (!int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < 1 or > MaxMinutes))
        {
            throw ApiErrors.InvalidInput($"minutes must be a whole number from 1 to {MaxMinutes}, not '{minutesText}'.");
        }
        if (ArnAccountGuard.AccountOf(arn) != context.AccountId
            || await registry.GetAsync(arn, context.Aborted) is not { Kind: ResourceKinds.Campaign or ResourceKinds.Recommender })
        {
            throw ApiErrors.NotFound(arn);
        }
        var report = await grains.GetGrain<IOnlineMetricsGrain>(arn).ReadAsync(minutes);
        var buckets = new JsonArray();
        foreach (var bucket in report.Buckets)
        {
            var json = Bucket(bucket);
            json.Insert(0, "start", DateTimeOffset.FromUnixTimeMilliseconds(bucket.StartMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            buckets.Add(json);
        }
        return new JsonObject
        {
            ["resourceArn"] = arn,
            ["bucketSeconds"] = 60,
            ["buckets"] = buckets,
            ["totals"] = Bucket(report.Totals),
        };
    }

    private static JsonObject Bucket(OnlineMetricsBucket bucket)
    {
        var events = new JsonObject();
        foreach (var (type, counts) in bucket.Events.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            events[type] = new JsonObject
            {
                ["count"] = counts.Count,
                ["onRecommended"] = counts.OnRecommended,
                ["rate"] = bucket.Impressions > 0 ? (double)counts.OnRecommended / bucket.Impressions : 0.0,
            };
        }
        return new JsonObject
        {
            ["recommendations"] = bucket.Recommendations,
            ["impressions"] = bucket.Impressions,
            ["events"] = events,
        };
    }
}
