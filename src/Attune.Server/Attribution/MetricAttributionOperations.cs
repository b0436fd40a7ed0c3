using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Objects;
using Attune.Storage.Resources;

namespace Attune.Server.Attribution;

/// <summary>
/// CreateMetricAttribution, DescribeMetricAttribution, ListMetricAttributions, UpdateMetricAttribution,
/// DeleteMetricAttribution, ListMetricAttributionMetrics. A dataset group has at most one attribution, of at most
/// 10 metrics whose expressions are checked against the group's schemas; reports are <see cref="AttributionReports"/>'.
/// </summary>
internal sealed class MetricAttributionOperations(Resources resources, IObjectStore objects) : IOperationFamily
{
    private const int MaxMetrics = 10;

    private static readonly string[] SummaryMembers =
        ["name", "metricAttributionArn", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateMetricAttribution", CreateAsync);
        registry.Add("DescribeMetricAttribution", DescribeAsync);
        registry.Add("ListMetricAttributions", ListAsync);
        registry.Add("UpdateMetricAttribution", UpdateAsync);
        registry.Add("DeleteMetricAttribution", DeleteAsync);
        registry.Add("ListMetricAttributionMetrics", ListMetricsAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var group = await resources.GetActiveAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        var metrics = await CheckedMetricsAsync(group.Arn, [], input.OptionalArray("metrics"), "metrics", context);
        if (metrics.Count == 0)
        {
            throw ApiErrors.InvalidInput("metrics: a metric attribution needs at least one metric.");
        }
        var outputConfig = OutputConfig(input.GetProperty("metricsOutputConfig"));
        var existing = await resources.Registry.ListChildrenAsync(group.Arn, [ResourceKinds.MetricAttribution], context.Aborted);
        if (existing.Count > 0)
        {
            throw new ApiException("ResourceAlreadyExistsException",
                $"Dataset group {group.Arn} already has the metric attribution {existing[0].Arn}; a group has at most one.");
        }
        var arn = context.Arn(ResourceKinds.MetricAttribution, name);
        var attribution = new MetricAttributionRecord
        {
            Name = name,
            MetricAttributionArn = arn,
            DatasetGroupArn = group.Arn,
            MetricsOutputConfig = outputConfig,
            Metrics = metrics,
        };
        await resources.CreateAsync(ResourceKinds.MetricAttribution, arn, name, group.Arn, DescribeBody.Write(attribution), [], context);
        return new JsonObject { ["metricAttributionArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("metricAttributionArn"), ResourceKinds.MetricAttribution, context);
        var body = record.ParseBody();
        body.Remove("metrics");
        return new JsonObject { ["metricAttribution"] = body };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.MetricAttribution, "metricAttributions", "datasetGroupArn", ResourceKinds.DatasetGroup,
            input, context, SummaryMembers);

    /// <summary>
    /// Applies removeMetrics, then addMetrics, then metricsOutputConfig at once (the report reads the new set from
    /// then on); the status goes UPDATE PENDING → UPDATE IN_PROGRESS → ACTIVE through the lifecycle grain.
    /// </summary>
    private async Task<JsonObject?> UpdateAsync(JsonElement input, CallContext context)
    {
        var arn = input.OptionalString("metricAttributionArn")
            ?? throw ApiErrors.InvalidInput("metricAttributionArn is required.");
        var record = await resources.GetAsync(arn, ResourceKinds.MetricAttribution, context);
        if (record.Status != ResourceStatus.Active)
        {
            throw ApiErrors.InUse($"Metric attribution {arn} is {record.Status}; it can be updated when ACTIVE.");
        }
        var body = DescribeBody.Read<MetricAttributionRecord>(record.Body);
        var removed = input.OptionalArray("removeMetrics").Select(m => m.GetString()!).ToList();
        foreach (var name in removed.Where(n => body.Metrics.All(m => m.MetricName != n)))
        {
            throw ApiErrors.InvalidInput($"removeMetrics: {arn} has no metric named '{name}'.");
        }
        var kept = body.Metrics.Where(m => !removed.Contains(m.MetricName)).ToList();
        var metrics = await CheckedMetricsAsync(record.ParentArn!, kept, input.OptionalArray("addMetrics"), "addMetrics", context);
        if (metrics.Count == 0)
        {
            throw ApiErrors.InvalidInput("removeMetrics: a metric attribution needs at least one metric; add one or delete the attribution.");
        }
        var output = input.OptionalObject("metricsOutputConfig") is { } config ? OutputConfig(config) : body.MetricsOutputConfig;
        var updated = body with { Metrics = metrics, MetricsOutputConfig = output, LastUpdatedDateTime = context.Now };
        var next = (record with { Body = DescribeBody.Text(updated) }).WithStatus(ResourceStatus.UpdatePending, context.Now);
        // Of two concurrent updates (or an update and a delete) one wins and the other is told: none is lost.
        if (!await resources.Registry.UpdateIfUnchangedAsync(next, record, context.Aborted))
        {
            throw ChangedMeanwhile(arn, "updated");
        }
        await resources.AdvanceAsync(ResourceKinds.MetricAttribution, arn);
        return new JsonObject { ["metricAttributionArn"] = arn };
    }

    /// <summary>
    /// ACTIVE or CREATE FAILED only: the lifecycle grain that runs a create or an update writes its end status over
    /// the record, so a delete accepted meanwhile would be lost.
    /// </summary>
    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("metricAttributionArn"), ResourceKinds.MetricAttribution, context);
        if (record.Status is ResourceStatus.DeletePending or ResourceStatus.DeleteInProgress)
        {
            return null;
        }
        if (record.Status is not (ResourceStatus.Active or ResourceStatus.CreateFailed))
        {
            throw ApiErrors.InUse($"Metric attribution {record.Arn} is {record.Status}; it can be deleted when ACTIVE or CREATE FAILED.");
        }
        if (!await resources.Registry.UpdateIfStatusAsync(record.WithStatus(ResourceStatus.DeletePending, context.Now), record.Status, context.Aborted))
        {
            throw ChangedMeanwhile(record.Arn, "deleted");
        }
        await resources.AdvanceAsync(ResourceKinds.MetricAttribution, record.Arn);
        return null;
    }

    private static ApiException ChangedMeanwhile(string arn, string verb) =>
        ApiErrors.InUse($"Metric attribution {arn} changed status while being {verb}; describe it and try again.");

    /// <summary>The attribution's metrics, paged by position (an attribution has at most 10).</summary>
    private async Task<JsonObject?> ListMetricsAsync(JsonElement input, CallContext context)
    {
        var arn = input.OptionalString("metricAttributionArn")
            ?? throw ApiErrors.InvalidInput("metricAttributionArn is required.");
        var record = await resources.GetAsync(arn, ResourceKinds.MetricAttribution, context);
        var metrics = DescribeBody.Read<MetricAttributionRecord>(record.Body).Metrics;
        var listing = $"metrics|{arn}";
        var start = (int)Math.Min(PageToken.Decode(input.OptionalString("nextToken"), listing), metrics.Count);
        var page = metrics.Skip(start).Take(input.OptionalInt("maxResults") ?? 100).ToList();
        var output = new JsonObject { ["metrics"] = new JsonArray([.. page.Select(m => (JsonNode)DescribeBody.Write(m))]) };
        if (start + page.Count < metrics.Count)
        {
            output["nextToken"] = PageToken.Encode(listing, start + page.Count);
        }
        return output;
    }

    /// <summary>
    /// <paramref name="kept"/> plus the new metrics, each expression checked against the group's schemas: unique
    /// metric names, at most 10 in all.
    /// </summary>
    private async Task<List<MetricAttribute>> CheckedMetricsAsync(
        string groupArn, List<MetricAttribute> kept, IEnumerable<JsonElement> added, string member, CallContext context)
    {
        var schemas = await GroupSchemas.ReadAsync(resources.Registry, groupArn, context.Aborted);
        var metrics = new List<MetricAttribute>(kept);
        var position = 0;
        foreach (var element in added)
        {
            var metric = DescribeBody.Read<MetricAttribute>(element);
            var path = $"{member}.{++position}";
            if (string.IsNullOrWhiteSpace(metric.EventType) || string.IsNullOrWhiteSpace(metric.MetricName))
            {
                throw ApiErrors.InvalidInput($"{path}: eventType and metricName must not be empty.");
            }
            if (metrics.Any(m => m.MetricName == metric.MetricName))
            {
                throw ApiErrors.InvalidInput($"{path}.metricName: the metric attribution already has a metric named '{metric.MetricName}'.");
            }
            MetricExpression.Parse(metric.Expression, path + ".expression", schemas);
            metrics.Add(metric);
        }
        if (metrics.Count > MaxMetrics)
        {
            throw ApiErrors.InvalidInput($"{member}: a metric attribution has at most {MaxMetrics} metrics; this would make {metrics.Count}.");
        }
        return metrics;
    }

    private MetricsOutputConfig OutputConfig(JsonElement config)
    {
        var output = DescribeBody.Read<MetricsOutputConfig>(config);
        if (output.S3DataDestination is { } destination)
        {
            try
            {
                objects.Check(destination.Path);
            }
            catch (ObjectLocationException error)
            {
                throw ApiErrors.InvalidInput($"metricsOutputConfig.s3DataDestination.path: {error.Message}");
            }
        }
        return output;
    }
}
