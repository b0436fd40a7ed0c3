using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A dataset as DescribeDataset answers it. Owned by DatasetOperations, which checks the type against the group's
/// domain and the schema against the type; UpdateDataset replaces <see cref="SchemaArn"/> and records
/// <see cref="LatestDatasetUpdate"/>.
/// </summary>
public sealed record DatasetRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("datasetArn")] public string DatasetArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;

    /// <summary>The wire name: Interactions, Items, Users, Actions or Action_Interactions.</summary>
    [JsonPropertyName("datasetType")] public string DatasetType { get; init; } = string.Empty;

    [JsonPropertyName("schemaArn")] public string SchemaArn { get; init; } = string.Empty;

    /// <summary>Only on an Action_Interactions dataset, which Personalize creates with its own event tracker.</summary>
    [JsonPropertyName("trackingId")] public string? TrackingId { get; init; }

    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("latestDatasetUpdate")] public DatasetUpdate? LatestDatasetUpdate { get; init; }
}

/// <summary>The last schema replacement, as <c>latestDatasetUpdate</c> reports it.</summary>
public sealed record DatasetUpdate
{
    [JsonPropertyName("schemaArn")] public string SchemaArn { get; init; } = string.Empty;
    [JsonPropertyName("status")] public string Status { get; init; } = string.Empty;
    [JsonPropertyName("creationDateTime")] public double CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double LastUpdatedDateTime { get; init; }
}
