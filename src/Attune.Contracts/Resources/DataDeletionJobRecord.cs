using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A data deletion job as DescribeDataDeletionJob answers it. Owned by DataDeletionJobOperations; the deletion grain
/// reads it, reports <see cref="Progress"/> and sets <see cref="NumDeleted"/> when it completes.
/// Its statuses are Personalize's own for this kind: PENDING → IN_PROGRESS → COMPLETED or FAILED.
/// </summary>
public sealed record DataDeletionJobRecord
{
    [JsonPropertyName("jobName")] public string JobName { get; init; } = string.Empty;
    [JsonPropertyName("dataDeletionJobArn")] public string DataDeletionJobArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("dataSource")] public ImportDataSource DataSource { get; init; } = new();
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }

    /// <summary>The users of the input that had data in the group, set once the job is COMPLETED.</summary>
    [JsonPropertyName("numDeleted")] public int? NumDeleted { get; init; }

    [JsonPropertyName(JobProgress.Member)] public JobProgress? Progress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
