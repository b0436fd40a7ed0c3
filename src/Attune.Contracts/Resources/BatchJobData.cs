using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>jobInput of a batch job: <c>{"s3DataSource": {"path": ..., "kmsKeyArn": ...}}</c>.</summary>
public sealed record BatchJobInput
{
    [JsonPropertyName("s3DataSource")] public S3DataConfig S3DataSource { get; init; } = new();
}

/// <summary>jobOutput of a batch or export job: <c>{"s3DataDestination": {"path": ..., "kmsKeyArn": ...}}</c>, the s3:// prefix its files go under.</summary>
public sealed record JobOutput
{
    [JsonPropertyName("s3DataDestination")] public S3DataConfig S3DataDestination { get; init; } = new();
}

/// <summary>An s3:// path and the KMS key Personalize would use (stored, not used: the object store does not encrypt).</summary>
public sealed record S3DataConfig
{
    [JsonPropertyName("path")] public string Path { get; init; } = string.Empty;
    [JsonPropertyName("kmsKeyArn")] public string? KmsKeyArn { get; init; }
}

/// <summary>Attune's progress member of a batch job's Describe: input lines answered so far out of all lines.</summary>
public sealed record BatchJobProgress
{
    /// <summary>The member the progress is written to while the job runs (patched alone, not through the record).</summary>
    public const string Member = "jobProgress";

    [JsonPropertyName("linesDone")] public long LinesDone { get; init; }
    [JsonPropertyName("linesTotal")] public long LinesTotal { get; init; }
}
