using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A dataset import job as DescribeDatasetImportJob answers it. Owned by DatasetImportJobOperations, which checks the
/// location scheme and the import mode; the import grain reads it and counts <see cref="RowsImported"/>.
/// </summary>
public sealed record DatasetImportJobRecord
{
    public const string FullImport = "FULL";

    public const string IncrementalImport = "INCREMENTAL";

    /// <summary>The member the row count is written to while the import runs (patched alone, not through the record).</summary>
    public const string RowsImportedMember = "rowsImported";

    [JsonPropertyName("jobName")] public string JobName { get; init; } = string.Empty;
    [JsonPropertyName("datasetImportJobArn")] public string DatasetImportJobArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetArn")] public string DatasetArn { get; init; } = string.Empty;
    [JsonPropertyName("dataSource")] public ImportDataSource DataSource { get; init; } = new();

    /// <summary><see cref="FullImport"/> or <see cref="IncrementalImport"/>.</summary>
    [JsonPropertyName("importMode")] public string ImportMode { get; init; } = FullImport;

    [JsonPropertyName(RowsImportedMember)] public long RowsImported { get; init; }
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName("publishAttributionMetricsToS3")] public bool? PublishAttributionMetricsToS3 { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}

/// <summary>Where an import reads from: an s3:// or file:// location.</summary>
public sealed record ImportDataSource
{
    [JsonPropertyName("dataLocation")] public string DataLocation { get; init; } = string.Empty;
}
