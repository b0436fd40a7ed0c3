namespace Attune.Storage.Datasets;

/// <summary>What one batch of a data deletion job removed: the users that had any data, and the rows removed.</summary>
public sealed record UserDeletion(int Users, long Rows);

/// <summary>The users deleted after a sequence of the group's deletion log, and the log's newest sequence (0 when empty).</summary>
public sealed record DeletedUsers(long Watermark, IReadOnlyList<string> UserIds);
