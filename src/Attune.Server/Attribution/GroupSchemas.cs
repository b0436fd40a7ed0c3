using Attune.Contracts.Resources;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;

namespace Attune.Server.Attribution;

/// <summary>The schemas of a dataset group's live datasets, by dataset type (what metric expressions are checked against).</summary>
internal static class GroupSchemas
{
    public static async Task<Dictionary<DatasetType, AvroSchema>> ReadAsync(IResourceRegistry registry, string groupArn, CancellationToken cancellationToken)
    {
        var schemas = new Dictionary<DatasetType, AvroSchema>();
        foreach (var dataset in await registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Dataset], cancellationToken))
        {
            var body = DescribeBody.Read<DatasetRecord>(dataset.Body);
            if (await registry.GetAsync(body.SchemaArn, cancellationToken) is { } schema)
            {
                schemas[DatasetTypes.Parse(body.DatasetType)] = AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schema.Body).Schema);
            }
        }
        return schemas;
    }
}
