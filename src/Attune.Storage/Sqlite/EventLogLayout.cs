using Attune.Storage.Datasets;
using Attune.Storage.Events;

namespace Attune.Storage.Sqlite;

/// <summary>
/// Attune's own bookkeeping of PutEvents beside the schema columns of <c>interactions_put</c>: the session of each
/// row and whether the row is still attributed to that session (anonymous); committed eventIds; which user each
/// session belongs to; and impression-only events (no item, so no training interaction). The put table's rowid is
/// the event log's Sequence.
/// </summary>
internal static class EventLogLayout
{
    public const string Table = "interactions_put";
    public const string SessionColumn = "session_id";
    public const string AnonymousColumn = "anonymous";

    public const string CreateBookkeeping = """
        CREATE TABLE IF NOT EXISTS put_event_ids (event_id TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS put_sessions (session_id TEXT PRIMARY KEY, user_id TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS put_impressions (
            seq INTEGER PRIMARY KEY, session_id TEXT NOT NULL, user_id TEXT, ts INTEGER NOT NULL,
            event_type TEXT NOT NULL, impression TEXT, recommendation_id TEXT);
        """;

    public const string ForgetBookkeeping = "DELETE FROM put_event_ids; DELETE FROM put_sessions; DELETE FROM put_impressions;";

    public const string CreateIndexes = $"""
        CREATE INDEX IF NOT EXISTS interactions_put_by_user ON {Table}(user_idx);
        CREATE INDEX IF NOT EXISTS interactions_put_anonymous ON {Table}({SessionColumn}) WHERE {AnonymousColumn} = 1;
        """;

    public const string AddSessionColumn = $"ALTER TABLE {Table} ADD COLUMN {SessionColumn} TEXT";

    public const string AddAnonymousColumn = $"ALTER TABLE {Table} ADD COLUMN {AnonymousColumn} INTEGER NOT NULL DEFAULT 0";

    public const string InsertEventId = "INSERT OR IGNORE INTO put_event_ids (event_id) VALUES (?1)";

    public const string ClaimSession = "INSERT OR IGNORE INTO put_sessions (session_id, user_id) VALUES (?1, ?2)";

    public const string SessionUser = "SELECT user_id FROM put_sessions WHERE session_id = ?1";

    public const string InsertImpression =
        "INSERT INTO put_impressions (session_id, user_id, ts, event_type, impression, recommendation_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

    public const string AttributeImpressions = "UPDATE put_impressions SET user_id = ?2 WHERE session_id = ?1 AND user_id IS NULL";

    /// <summary>Columns of <see cref="StoredEvent"/> from the put table aliased <c>p</c>: sequence, item, event type, ts, value.</summary>
    public const string SelectStored =
        $"SELECT p.rowid, i.id, e.id, p.ts, p.event_value FROM {Table} p " +
        $"JOIN {DatasetLayout.ItemIds} i ON i.idx = p.item_idx LEFT JOIN {DatasetLayout.EventTypes} e ON e.idx = p.event_type_idx ";

    public const string SelectAnonymous = SelectStored + $"WHERE p.{SessionColumn} = ?1 AND p.{AnonymousColumn} = 1 ORDER BY p.rowid";

    public const string AttributeAnonymous = $"UPDATE {Table} SET user_idx = ?2, {AnonymousColumn} = 0 WHERE {SessionColumn} = ?1 AND {AnonymousColumn} = 1";

    public const string SelectOfPrincipal = SelectStored +
        $"WHERE p.user_idx = (SELECT idx FROM {DatasetLayout.UserIds} WHERE id = ?1) AND p.rowid > ?2 ORDER BY p.rowid";
}
