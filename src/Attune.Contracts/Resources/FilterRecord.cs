using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A filter as DescribeFilter answers it. Owned by FilterOperations, which parses the expression and checks it
/// against the dataset group's schemas before the record is written; the serving filter cache only parses it again.
/// </summary>
public sealed record FilterRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("filterArn")] public string FilterArn { get; init; } = string.Empty;
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("filterExpression")] public string FilterExpression { get; init; } = string.Empty;
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
}
