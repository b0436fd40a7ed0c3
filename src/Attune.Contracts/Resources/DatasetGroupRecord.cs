using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>A dataset group as DescribeDatasetGroup answers it. Owned by DatasetGroupOperations.</summary>
public sealed record DatasetGroupRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("roleArn")] public string? RoleArn { get; init; }
    [JsonPropertyName("kmsKeyArn")] public string? KmsKeyArn { get; init; }

    /// <summary>ECOMMERCE or VIDEO_ON_DEMAND for a domain dataset group; null for a custom one.</summary>
    [JsonPropertyName("domain")] public string? Domain { get; init; }

    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
