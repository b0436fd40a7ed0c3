namespace Attune.Storage.Import;

/// <summary>A committed import: rows imported, total time, and the longest single write transaction it held on the group's database.</summary>
public sealed record ImportResult(long Rows, TimeSpan Elapsed, TimeSpan LongestWriteTransaction);
