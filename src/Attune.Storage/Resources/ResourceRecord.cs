namespace Attune.Storage.Resources;

/// <summary>
/// One control-plane resource (dataset group, schema, dataset, job, ...) as the registry stores it.
/// <see cref="Body"/> is the resource exactly as its Describe operation returns it (a JSON object);
/// the other members duplicate what List queries and lifecycle rules need to filter on.
/// </summary>
public sealed record ResourceRecord(
    string Arn,
    string Kind,
    string Name,
    string? ParentArn,
    string Status,
    double CreatedAt,
    double UpdatedAt,
    string Body)
{
    /// <summary>Insertion order; assigned by the registry, used for stable paging.</summary>
    public long Sequence { get; init; }
}
