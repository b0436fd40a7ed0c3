using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Storage.Postgres.Events;

/// <summary>
/// The event log in a group's schema: put-origin interactions in <c>interactions_put</c> (its <c>seq</c> is the Sequence)
/// with <c>session_id</c> and <c>anonymous</c>, and the bookkeeping tables that deploy/sql/103-attune-events.sql creates.
/// </summary>
internal static class EventLogSql
{
    public const string EventIds = "put_event_ids";
    public const string Sessions = "put_sessions";
    public const string Impressions = "put_impressions";

    public static readonly string PutTable = DatasetLayout.PutTable(DatasetType.Interactions);

    public const string Ensure = "SELECT attune_ensure_put_log(@schema)";

    public const string SequenceOf = "SELECT pg_get_serial_sequence(@table, 'seq')";

    /// <summary>Reserves <c>@count</c> consecutive Sequences and returns the last (callers hold the group's lock).</summary>
    public const string Reserve = "SELECT setval(@sequence::regclass, nextval(@sequence::regclass) + @count - 1)";

    /// <summary>Column of <c>interactions_put</c> that tells whether the event log's bookkeeping was added to it.</summary>
    public const string AnonymousColumn = "anonymous";

    public static string Forget(Func<string, string> table) =>
        $"DELETE FROM {table(EventIds)}; DELETE FROM {table(Sessions)}; DELETE FROM {table(Impressions)};";

    /// <summary>The oid of the group's schema <c>$1</c> (no row once it is dropped; a new oid when it is created again).</summary>
    public const string SchemaIncarnation = "SELECT oid FROM pg_namespace WHERE nspname = $1";

    /// <summary>Whether the put table <c>$1</c> (qualified) exists.</summary>
    public const string PutTableExists = "SELECT to_regclass($1) IS NOT NULL";

    public static string KnownEventIds(Func<string, string> table) => $"SELECT event_id FROM {table(EventIds)} WHERE event_id = ANY($1::text[])";

    public static string SessionOwners(Func<string, string> table) =>
        $"SELECT session_id, user_id FROM {table(Sessions)} WHERE session_id = ANY($1::text[])";

    public static string InsertEventIds(Func<string, string> table) =>
        $"INSERT INTO {table(EventIds)} (event_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING";

    public static string InsertSessions(Func<string, string> table) =>
        $"INSERT INTO {table(Sessions)} (session_id, user_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";

    public static string InsertImpressions(Func<string, string> table) =>
        $"INSERT INTO {table(Impressions)} (session_id, user_id, ts, event_type, impression, recommendation_id) " +
        "SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])";

    public static string AttributeImpressions(Func<string, string> table) =>
        $"UPDATE {table(Impressions)} i SET user_id = c.u FROM unnest($1::text[], $2::text[]) AS c(s, u) WHERE i.session_id = c.s AND i.user_id IS NULL";

    /// <summary>Re-attributes the claimed sessions' anonymous rows to their users; returns them as session, seq, item, event type, ts, value.</summary>
    public static string AttributeAnonymous(Func<string, string> table) => $"""
        WITH claims AS (SELECT * FROM unnest(@sessions::text[], @users::integer[]) AS c(s, u)),
        moved AS (
            UPDATE {table(PutTable)} p SET user_idx = claims.u, anonymous = false FROM claims
            WHERE p.session_id = claims.s AND p.anonymous
            RETURNING p.session_id, p.seq, p.item_idx, p.event_type_idx, p.ts, p.event_value)
        SELECT p.session_id, p.seq, i.id, e.id, p.ts, p.event_value FROM moved p {JoinIds(table)} ORDER BY p.seq
        """;

    /// <summary>A principal's rows after <c>@after</c>: seq, item, event type, ts, value.</summary>
    public static string SelectOfPrincipal(Func<string, string> table) =>
        $"SELECT p.seq, i.id, e.id, p.ts, p.event_value FROM {table(PutTable)} p {JoinIds(table)} " +
        $"WHERE p.user_idx = (SELECT idx FROM {table(DatasetLayout.UserIds)} WHERE id = @principal) AND p.seq > @after ORDER BY p.seq";

    private static string JoinIds(Func<string, string> table) =>
        $"JOIN {table(DatasetLayout.ItemIds)} i ON i.idx = p.item_idx LEFT JOIN {table(DatasetLayout.EventTypes)} e ON e.idx = p.event_type_idx";
}
