using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// CreateDataDeletionJob, DescribeDataDeletionJob, ListDataDeletionJobs. The deletion runs in a job grain, which reads
/// the input location (a bad one ends the job FAILED with the reason); the job starts PENDING, Personalize's status.
/// </summary>
public sealed class DataDeletionJobOperations(Resources resources) : IOperationFamily
{
    private static readonly string[] SummaryMembers =
        ["dataDeletionJobArn", "datasetGroupArn", "jobName", "status", "creationDateTime", "lastUpdatedDateTime", "failureReason"];

    public void Register(OperationHandlers registry)
    {
        registry.Add("CreateDataDeletionJob", CreateAsync);
        registry.Add("DescribeDataDeletionJob", DescribeAsync);
        registry.Add("ListDataDeletionJobs", ListAsync);
    }

    private async Task<JsonObject?> CreateAsync(JsonElement input, CallContext context)
    {
        var jobName = input.RequiredString("jobName");
        var location = input.OptionalObject("dataSource")?.OptionalString("dataLocation")
            ?? throw ApiErrors.InvalidInput("dataSource.dataLocation is required: the s3:// location of the CSV file(s) of USER_IDs.");
        var group = await resources.GetActiveAsync(input.RequiredString("datasetGroupArn"), ResourceKinds.DatasetGroup, context);
        var arn = context.Arn(ResourceKinds.DataDeletionJob, jobName);
        var job = new DataDeletionJobRecord
        {
            JobName = jobName,
            DataDeletionJobArn = arn,
            DatasetGroupArn = group.Arn,
            DataSource = new ImportDataSource { DataLocation = location },
            RoleArn = input.OptionalString("roleArn"),
            Progress = new JobProgress(),
        };
        await resources.CreateAsync(ResourceKinds.DataDeletionJob, arn, jobName, group.Arn, DescribeBody.Write(job), Tags.Read(input), context,
            pendingStatus: ResourceStatus.Pending);
        return new JsonObject { ["dataDeletionJobArn"] = arn };
    }

    private async Task<JsonObject?> DescribeAsync(JsonElement input, CallContext context)
    {
        var record = await resources.GetAsync(input.RequiredString("dataDeletionJobArn"), ResourceKinds.DataDeletionJob, context);
        return new JsonObject { ["dataDeletionJob"] = record.ParseBody() };
    }

    /// <summary>Newest first, as Personalize lists data deletion jobs.</summary>
    private Task<JsonObject?> ListAsync(JsonElement input, CallContext context) =>
        resources.ListScopedAsync(ResourceKinds.DataDeletionJob, "dataDeletionJobs", "datasetGroupArn", ResourceKinds.DatasetGroup, input, context,
            SummaryMembers, newestFirst: true);
}
