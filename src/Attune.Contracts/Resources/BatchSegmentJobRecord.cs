using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A batch segment job as DescribeBatchSegmentJob answers it. Owned by BatchSegmentJobOperations; the job grain reads it
/// and writes <see cref="JobProgress"/>.
/// </summary>
public sealed record BatchSegmentJobRecord
{
    /// <summary>Users per segment when the request does not say.</summary>
    public const int DefaultNumResults = 25;

    [JsonPropertyName("jobName")] public string JobName { get; init; } = string.Empty;
    [JsonPropertyName("batchSegmentJobArn")] public string BatchSegmentJobArn { get; init; } = string.Empty;
    [JsonPropertyName("filterArn")] public string? FilterArn { get; init; }
    [JsonPropertyName("solutionVersionArn")] public string SolutionVersionArn { get; init; } = string.Empty;
    [JsonPropertyName("numResults")] public int NumResults { get; init; } = DefaultNumResults;
    [JsonPropertyName("jobInput")] public BatchJobInput JobInput { get; init; } = new();
    [JsonPropertyName("jobOutput")] public JobOutput JobOutput { get; init; } = new();
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName(BatchJobProgress.Member)] public BatchJobProgress? JobProgress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
