using System.Globalization;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Datasets;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.Attribution;

/// <summary>
/// Computes a metric attribution's report from what the dataset group stores: the Interactions rows of PutEvents,
/// and those of bulk imports once an import of the group asked for publishAttributionMetricsToS3; SUM(Items.COL)
/// reads the event's item. One pass over the rows, O(metrics) per row; run off the request path (the publisher).
/// </summary>
internal sealed class AttributionReports(IResourceRegistry registry, IDatasetStores stores)
{
    private const string SourceColumn = "EVENT_ATTRIBUTION_SOURCE";
    private const string RecommendationColumn = "RECOMMENDATION_ID";

    public async Task<IReadOnlyList<AttributionValue>> ComputeAsync(MetricAttributionRecord attribution, CancellationToken cancellationToken)
    {
        var group = attribution.DatasetGroupArn;
        var schemas = await GroupSchemas.ReadAsync(registry, group, cancellationToken);
        var metrics = new List<(MetricAttribute, MetricExpression)>();
        foreach (var metric in attribution.Metrics)
        {
            // A dataset deleted since the metric was accepted leaves its SUM without a column: the metric reports nothing.
            if (TryParse(metric, schemas) is { } expression)
            {
                metrics.Add((metric, expression));
            }
        }
        if (!schemas.TryGetValue(DatasetType.Interactions, out var interactions) || metrics.Count == 0)
        {
            return [];
        }
        var origins = await PublishesBulkAsync(group, cancellationToken) ? RowOrigins.All : RowOrigins.Put;
        var sources = await ServingSources.ReadAsync(registry, group, cancellationToken);
        return await Task.Run(() => Compute(group, metrics, interactions, schemas.GetValueOrDefault(DatasetType.Items), origins, sources), cancellationToken);
    }

    private IReadOnlyList<AttributionValue> Compute(
        string group, List<(MetricAttribute, MetricExpression)> metrics, AvroSchema interactions, AvroSchema? items,
        RowOrigins origins, Func<string, string?> sources)
    {
        using var store = stores.OpenExisting(group);
        if (store is null)
        {
            return [];
        }
        var sumColumns = metrics.Select(m => m.Item2).Where(e => e.Dataset == DatasetType.Interactions).Select(e => e.Column!).Distinct().ToList();
        var fields = new List<SchemaField> { interactions.Find("ITEM_ID")!, interactions.Find("EVENT_TYPE")! };
        var sourceAt = AddOptional(fields, interactions, SourceColumn);
        var recommendationAt = AddOptional(fields, interactions, RecommendationColumn);
        var columnAt = sumColumns.ToDictionary(c => c, c => AddOptional(fields, interactions, c), StringComparer.OrdinalIgnoreCase);
        var itemValues = ItemValues(store, items, metrics);

        var calculator = new AttributionCalculator(metrics, sources);
        foreach (var row in store.ReadRows(DatasetType.Interactions, fields, origins))
        {
            if (row[1] is not string eventType)
            {
                continue;
            }
            var item = row[0] as string;
            calculator.Add(eventType, At(row, sourceAt) as string, At(row, recommendationAt) as string, expression =>
                expression.Dataset == DatasetType.Items
                    ? item is not null && itemValues.TryGetValue((expression.Column!, item), out var value) ? value : null
                    : Number(At(row, columnAt[expression.Column!])));
        }
        return calculator.Values();
    }

    /// <summary>(column, item id) → value for every SUM(Items.COL) column, read once per report.</summary>
    private static Dictionary<(string, string), double> ItemValues(IDatasetStore store, AvroSchema? items, List<(MetricAttribute, MetricExpression)> metrics)
    {
        var columns = metrics.Select(m => m.Item2).Where(e => e.Dataset == DatasetType.Items).Select(e => e.Column!).Distinct().ToList();
        var values = new Dictionary<(string, string), double>();
        if (items is null || columns.Count == 0)
        {
            return values;
        }
        var data = store.ReadEntities(DatasetType.Items, columns);
        foreach (var column in columns)
        {
            if (!data.Columns.TryGetValue(column, out var stored))
            {
                continue;
            }
            for (var i = 0; i < data.Count; i++)
            {
                if (Number(stored.Values[i]) is { } value)
                {
                    values[(column, data.Ids[i])] = value;
                }
            }
        }
        return values;
    }

    private async Task<bool> PublishesBulkAsync(string group, CancellationToken cancellationToken)
    {
        foreach (var dataset in await registry.ListLiveChildrenAsync(group, [ResourceKinds.Dataset], cancellationToken))
        {
            foreach (var job in await registry.ListChildrenAsync(dataset.Arn, [ResourceKinds.DatasetImportJob], cancellationToken))
            {
                if (job.Status == ResourceStatus.Active && DescribeBody.Read<DatasetImportJobRecord>(job.Body).PublishAttributionMetricsToS3 == true)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static MetricExpression? TryParse(MetricAttribute metric, IReadOnlyDictionary<DatasetType, AvroSchema> schemas)
    {
        try
        {
            return MetricExpression.Parse(metric.Expression, metric.MetricName, schemas);
        }
        catch (ApiException)
        {
            return null;
        }
    }

    private static int AddOptional(List<SchemaField> fields, AvroSchema schema, string name)
    {
        if (schema.Find(name) is not { } field)
        {
            return -1;
        }
        fields.Add(field);
        return fields.Count - 1;
    }

    private static object? At(object?[] row, int index) => index >= 0 ? row[index] : null;

    private static double? Number(object? value) => value switch
    {
        null => null,
        string text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        IConvertible number => number.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}
