using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>An event tracker as DescribeEventTracker answers it. Owned by EventTrackerOperations (one per dataset group).</summary>
public sealed record EventTrackerRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("eventTrackerArn")] public string EventTrackerArn { get; init; } = string.Empty;
    [JsonPropertyName("accountId")] public string AccountId { get; init; } = string.Empty;

    /// <summary>What PutEvents sends to name the tracker (and so the dataset group).</summary>
    [JsonPropertyName("trackingId")] public string TrackingId { get; init; } = string.Empty;

    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
