using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Filters;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateFilter, DescribeFilter, ListFilters (result key <c>Filters</c>, as Personalize spells it), DeleteFilter.
/// Expressions are parsed and checked against the dataset group's schemas when created.
/// </summary>
public sealed class FilterOperations(Resources resources, FilterExpressionCheck expressions) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["name", "filterArn", "creationDateTime", "lastUpdatedDateTime", "datasetGroupArn", "failureReason", "status"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateFilter", CreateAsync);
        registry.Add("DescribeFilter", DescribeAsync);
        registry.Add("ListFilters", ListAsync);
        registry.Add("DeleteFilter", DeleteAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var name = input.RequiredString("name");
        var group = await resources.GetActiveAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        var text = input.RequiredString("filterExpression");
        try
        {
            await expressions.CheckAsync(text, group.Arn, context);
        }
        catch (FilterExpressionException error)
        {
            throw ApiErrors.InvalidInput(error.Message);
        }
        var arn = context.Arn(ResourceKinds.Filter, name);
        var filter = new FilterRecord { Name = name, FilterArn = arn, DatasetGroupArn = group.Arn, FilterExpression = text };
        await resources.CreateAsync(ResourceKinds.Filter, arn, name, group.Arn, DescribeBody.Write(filter), Tags.Read(input), context);
        return new JsonObject { ["filterArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("filterArn"), ResourceKinds.Filter, context);
        return new JsonObject { ["filter"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.Filter, "Filters", "datasetGroupArn", ResourceKinds.DatasetGroup, input, context, SummaryMembers);

    private async Task<JsonObject?> DeleteAsync(JsonElement input, CallContext context)
    {
        var filter = await resources.GetAsync(input.RequiredString("filterArn"), ResourceKinds.Filter, context);
        await resources.DeleteAsync(filter, context);
        return null;
    }
}
