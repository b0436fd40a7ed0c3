using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A schema as DescribeSchema answers it; it has no status. Owned by SchemaOperations, which parses the Avro text
/// (and checks it against the domain) before the record is written.
/// </summary>
public sealed record SchemaRecord
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("schemaArn")] public string SchemaArn { get; init; } = string.Empty;

    /// <summary>The Avro schema as the client sent it (JSON text).</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = string.Empty;

    [JsonPropertyName("domain")] public string? Domain { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
}
