using Attune.Contracts.Resources;
using Attune.Filters;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.ControlPlane;

/// <summary>
/// Checks a filter expression as CreateFilter does: the parser's syntax rules, then its fields against the dataset
/// group's schemas. The console's filter editor asks the same question while the user types.
/// </summary>
public sealed class FilterExpressionCheck(Resources resources)
{
    /// <summary>Throws <see cref="FilterExpressionException"/> (with the position when it is about one spot).</summary>
    public async Task CheckAsync(string text, string datasetGroupArn, CallContext context)
    {
        var filter = FilterExpression.Parse(text);
        var schemas = await SchemasAsync(datasetGroupArn, context);
        filter.Validate((dataset, column) => Kind(schemas, dataset, column));
    }

    /// <summary>The schemas of the group's datasets, by filter dataset.</summary>
    private async Task<Dictionary<FilterDataset, AvroSchema>> SchemasAsync(string groupArn, CallContext context)
    {
        var schemas = new Dictionary<FilterDataset, AvroSchema>();
        foreach (var dataset in await resources.Registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Dataset], context.Aborted))
        {
            var body = DescribeBody.Read<DatasetRecord>(dataset.Body);
            var type = DatasetTypes.Parse(body.DatasetType);
            var schema = await resources.Registry.GetAsync(body.SchemaArn, context.Aborted);
            if (schema is not null)
            {
                schemas[ToFilterDataset(type)] = AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schema.Body).Schema);
            }
        }
        return schemas;
    }

    private static FilterColumnKind Kind(Dictionary<FilterDataset, AvroSchema> schemas, FilterDataset dataset, string column)
    {
        if (!schemas.TryGetValue(dataset, out var schema) || schema.Find(column) is not { } field)
        {
            return FilterColumnKind.Missing;
        }
        return field switch
        {
            { Textual: true } or { Type: AvroType.Boolean } => FilterColumnKind.NotFilterable,
            { Type: AvroType.Int or AvroType.Long or AvroType.Float or AvroType.Double } => FilterColumnKind.Numeric,
            _ => FilterColumnKind.Categorical,
        };
    }

    private static FilterDataset ToFilterDataset(DatasetType type) => type switch
    {
        DatasetType.Interactions => FilterDataset.Interactions,
        DatasetType.Items => FilterDataset.Items,
        DatasetType.Users => FilterDataset.Users,
        DatasetType.Actions => FilterDataset.Actions,
        _ => FilterDataset.ActionInteractions,
    };
}
