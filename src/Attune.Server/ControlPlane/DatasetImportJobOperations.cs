using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Objects;
using Attune.Storage.Schemas;

namespace Attune.Server.ControlPlane;

/// <summary>CreateDatasetImportJob, DescribeDatasetImportJob, ListDatasetImportJobs. The import itself runs in a job grain.</summary>
public sealed class DatasetImportJobOperations(Resources resources, IDatasetStores datasets, IObjectStore objects)
    : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["datasetImportJobArn", "jobName", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason", "importMode"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateDatasetImportJob", CreateAsync);
        registry.Add("DescribeDatasetImportJob", DescribeAsync);
        registry.Add("ListDatasetImportJobs", ListAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var jobName = input.RequiredString("jobName");
        var location = input.OptionalObject("dataSource")?.OptionalString("dataLocation")
            ?? throw ApiErrors.InvalidInput("dataSource.dataLocation is required: the s3:// or file:// location of the CSV file or folder.");
        try
        {
            objects.Check(location);
        }
        catch (ObjectLocationException error)
        {
            throw ApiErrors.InvalidInput($"dataSource.dataLocation: {error.Message}");
        }
        var mode = input.OptionalString("importMode") ?? DatasetImportJobRecord.FullImport;
        var dataset = await resources.GetActiveAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        if (mode == DatasetImportJobRecord.IncrementalImport)
        {
            var type = DatasetTypes.Parse(DescribeBody.Read<DatasetRecord>(dataset.Body).DatasetType);
            using var store = datasets.Open(dataset.ParentArn!);
            if (!store.HasBulkImport(type))
            {
                throw ApiErrors.InvalidInput(
                    "importMode INCREMENTAL needs an earlier bulk import into this dataset; use FULL for the first import.");
            }
        }
        var arn = context.Arn(ResourceKinds.DatasetImportJob, jobName);
        var job = new DatasetImportJobRecord
        {
            JobName = jobName,
            DatasetImportJobArn = arn,
            DatasetArn = dataset.Arn,
            DataSource = new ImportDataSource { DataLocation = location },
            ImportMode = mode,
            RowsImported = 0,
            RoleArn = input.OptionalString("roleArn"),
            PublishAttributionMetricsToS3 = input.OptionalBool("publishAttributionMetricsToS3"),
        };
        await resources.CreateAsync(ResourceKinds.DatasetImportJob, arn, jobName, dataset.Arn, DescribeBody.Write(job), Tags.Read(input), context);
        return new JsonObject { ["datasetImportJobArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("datasetImportJobArn"), ResourceKinds.DatasetImportJob, context);
        return new JsonObject { ["datasetImportJob"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.DatasetImportJob, "datasetImportJobs", "datasetArn", ResourceKinds.Dataset, input, context, SummaryMembers);
}
