using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateDatasetExportJob, DescribeDatasetExportJob, ListDatasetExportJobs. The export runs in a job grain; its output
/// location is checked there, so a bad one ends the job CREATE FAILED with the reason, as Personalize reports it.
/// </summary>
public sealed class DatasetExportJobOperations(Resources resources) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["datasetExportJobArn", "jobName", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateDatasetExportJob", CreateAsync);
        registry.Add("DescribeDatasetExportJob", DescribeAsync);
        registry.Add("ListDatasetExportJobs", ListAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var jobName = input.RequiredString("jobName");
        var destination = input.OptionalObject("jobOutput")?.OptionalObject("s3DataDestination");
        var path = destination?.OptionalString("path")
            ?? throw ApiErrors.InvalidInput("jobOutput.s3DataDestination.path is required: the s3:// folder the CSV files go to.");
        var dataset = await resources.GetActiveAsync(input.RequiredString("datasetArn"), ResourceKinds.Dataset, context);
        var arn = context.Arn(ResourceKinds.DatasetExportJob, jobName);
        var job = new DatasetExportJobRecord
        {
            JobName = jobName,
            DatasetExportJobArn = arn,
            DatasetArn = dataset.Arn,
            IngestionMode = input.OptionalString("ingestionMode") ?? DatasetExportJobRecord.Put,
            RoleArn = input.OptionalString("roleArn"),
            JobOutput = new JobOutput
            {
                S3DataDestination = new S3DataConfig { Path = path, KmsKeyArn = destination?.OptionalString("kmsKeyArn") },
            },
            Progress = new JobProgress(),
        };
        await resources.CreateAsync(ResourceKinds.DatasetExportJob, arn, jobName, dataset.Arn, DescribeBody.Write(job), Tags.Read(input), context);
        return new JsonObject { ["datasetExportJobArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("datasetExportJobArn"), ResourceKinds.DatasetExportJob, context);
        return new JsonObject { ["datasetExportJob"] = record.ParseBody() };
    }

    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.DatasetExportJob, "datasetExportJobs", "datasetArn", ResourceKinds.Dataset, input, context, SummaryMembers);
}
