using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A dataset export job as DescribeDatasetExportJob answers it. Owned by DatasetExportJobOperations, which checks the
/// output path and the ingestion mode; the export grain reads it and reports <see cref="JobProgress"/>.
/// </summary>
public sealed record DatasetExportJobRecord
{
    public const string Bulk = "BULK";

    public const string Put = "PUT";

    public const string All = "ALL";

    [JsonPropertyName("jobName")] public string JobName { get; init; } = string.Empty;
    [JsonPropertyName("datasetExportJobArn")] public string DatasetExportJobArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetArn")] public string DatasetArn { get; init; } = string.Empty;

    /// <summary><see cref="Bulk"/>, <see cref="Put"/> (Personalize's default) or <see cref="All"/>.</summary>
    [JsonPropertyName("ingestionMode")] public string IngestionMode { get; init; } = Put;

    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName("jobOutput")] public JobOutput JobOutput { get; init; } = new();
    [JsonPropertyName(JobProgress.Member)] public JobProgress? Progress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}

/// <summary>
/// Attune's extra Describe member of export and deletion jobs, <c>jobProgress</c>: rows written (export) or user ids
/// processed (deletion) so far. SDKs ignore unknown members; read the raw JSON.
/// </summary>
public sealed record JobProgress
{
    public const string Member = "jobProgress";

    [JsonPropertyName("rowsDone")] public long RowsDone { get; init; }
}
