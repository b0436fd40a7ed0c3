using Attune.Storage.Schemas;

namespace Attune.Storage.Import;

/// <summary>One bulk import: the job's ARN (recorded so a restart can tell whether it committed), the target dataset, its schema and the CSV files in order.</summary>
public sealed record ImportRequest(string JobArn, DatasetType DatasetType, AvroSchema Schema, IReadOnlyList<string> Files, ImportMode Mode = ImportMode.Full);
