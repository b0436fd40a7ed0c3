using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Import;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Schemas;
using Npgsql;

namespace Attune.Storage.Postgres.Events;

/// <summary>
/// One group commit of the PostgreSQL event log, built in memory under the group's lock and then written set-wise: resolves
/// who each batch's events belong to, skips eventIds committed before (or earlier in the commit) and validates every
/// row before anything is written, so a rejected batch is simply left out. Claiming a session re-attributes its
/// anonymous rows (stored before, or staged earlier in this commit) to the user when the commit is written.
/// </summary>
internal sealed class EventLogStaging
{
    private readonly PostgresDatasetStore _store;
    private readonly PostgresIdInterners _interners;
    private readonly HashSet<string> _eventIds;
    private readonly Dictionary<string, string> _owners;
    private readonly Dictionary<string, SchemaRows> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _newEventIds = [];
    private readonly List<(string Session, string User, long UserIndex, StagedCommit Commit)> _claims = [];
    private readonly List<(string Session, string? User, EventLogRecord Record)> _impressions = [];

    /// <summary>Starts a commit from the batches' eventIds committed before and the users that claimed their sessions before.</summary>
    public EventLogStaging(PostgresDatasetStore store, PostgresIdInterners interners, HashSet<string> eventIds, Dictionary<string, string> owners)
    {
        _store = store;
        _interners = interners;
        _eventIds = eventIds;
        _owners = owners;
    }

    /// <summary>Stages one batch; throws <see cref="EventRejectedException"/> (leaving nothing of it staged) for a value the schema refuses.</summary>
    public StagedCommit Add(AvroSchema schema, EventLogBatch batch)
    {
        if (!_rows.TryGetValue(schema.Json, out var rows))
        {
            rows = new SchemaRows(schema, _interners);
            _rows.Add(schema.Json, rows);
        }

        var firstRow = rows.Count;
        var owner = _owners.GetValueOrDefault(batch.SessionId);
        var principal = batch.UserId ?? owner ?? batch.SessionId;
        var anonymous = batch.UserId is null && owner is null;
        var eventIds = new List<string>();
        var events = new List<StagedEvent>();
        var impressions = new List<string>();
        var impressionRows = new List<(string, string?, EventLogRecord)>();
        var duplicates = 0;
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var record = batch.Events[i];
            if (record.EventId is { } eventId)
            {
                if (_eventIds.Contains(eventId) || eventIds.Contains(eventId, StringComparer.Ordinal))
                {
                    duplicates++;
                    continue;
                }

                eventIds.Add(eventId);
            }

            if (record.Columns.GetValueOrDefault("IMPRESSION") is { Length: > 0 } shown)
            {
                impressions.AddRange(shown.Split('|', StringSplitOptions.RemoveEmptyEntries));
            }

            if (record.ItemId is null)
            {
                impressionRows.Add((batch.SessionId, anonymous ? null : principal, record));
                continue;
            }

            try
            {
                events.Add(new StagedEvent(rows, rows.Add(principal, batch.SessionId, anonymous, record), principal, record));
            }
            catch (RowException e)
            {
                rows.TruncateTo(firstRow);
                throw new EventRejectedException(i + 1, e.Message);
            }
        }

        var staged = new StagedCommit(events, impressions, duplicates);
        _eventIds.UnionWith(eventIds);
        _newEventIds.AddRange(eventIds);
        _impressions.AddRange(impressionRows);
        if (batch.UserId is { } user && owner is null)
        {
            _owners[batch.SessionId] = user;
            _claims.Add((batch.SessionId, user, _interners.Get(DatasetLayout.UserIds).Intern(user), staged));
        }

        return staged;
    }

    /// <summary>Writes the staged commit (inside the caller's transaction, under the group's lock); then the staged commits are final.</summary>
    public void Write(NpgsqlConnection connection, string sequence)
    {
        _interners.Resolve(connection);
        var total = _rows.Values.Sum(r => r.Count);
        if (total > 0)
        {
            var next = Sql.Scalar(connection, EventLogSql.Reserve, ("sequence", sequence), ("count", (long)total)) - total + 1;
            foreach (var rows in _rows.Values.Where(r => r.Count > 0))
            {
                rows.FirstSequence = next;
                next += rows.Count;
                rows.CopyTo(connection, _store.Table(EventLogSql.PutTable));
            }
        }

        WriteBookkeeping(connection);
        if (_claims.Count > 0)
        {
            AttributeClaimedSessions(connection);
        }

        _interners.ClearPending();
    }

    private void WriteBookkeeping(NpgsqlConnection connection)
    {
        using var batch = new NpgsqlBatch(connection);
        if (_newEventIds.Count > 0)
        {
            Sql.Add(batch, EventLogSql.InsertEventIds(_store.Table), Sql.Positional(_newEventIds.ToArray()));
        }

        if (_impressions.Count > 0)
        {
            Sql.Add(batch, EventLogSql.InsertImpressions(_store.Table),
                Sql.Positional(_impressions.Select(i => i.Session).ToArray()),
                Sql.Positional(_impressions.Select(i => i.User).ToArray()),
                Sql.Positional(_impressions.Select(i => i.Record.Timestamp).ToArray()),
                Sql.Positional(_impressions.Select(i => i.Record.EventType).ToArray()),
                Sql.Positional(_impressions.Select(i => i.Record.Columns.GetValueOrDefault("IMPRESSION")).ToArray()),
                Sql.Positional(_impressions.Select(i => i.Record.Columns.GetValueOrDefault("RECOMMENDATION_ID")).ToArray()));
        }

        if (_claims.Count > 0)
        {
            var sessions = _claims.Select(c => c.Session).ToArray();
            var users = _claims.Select(c => c.User).ToArray();
            Sql.Add(batch, EventLogSql.InsertSessions(_store.Table), Sql.Positional(sessions), Sql.Positional(users));
            Sql.Add(batch, EventLogSql.AttributeImpressions(_store.Table), Sql.Positional(sessions), Sql.Positional(users));
        }

        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
    }

    private void AttributeClaimedSessions(NpgsqlConnection connection)
    {
        var users = _interners.Get(DatasetLayout.UserIds);
        var claims = _claims.ToDictionary(c => c.Session, StringComparer.Ordinal);
        using var command = Sql.Command(connection, EventLogSql.AttributeAnonymous(_store.Table),
            ("sessions", claims.Keys.ToArray()), ("users", claims.Values.Select(c => users.Map(c.UserIndex)).ToArray()));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var claim = claims[reader.GetString(0)];
            claim.Commit.Merged.Add(new StoredEvent(reader.GetInt64(1), claim.User, reader.GetString(2),
                reader.IsDBNull(3) ? string.Empty : reader.GetString(3), reader.IsDBNull(5) ? float.NaN : (float)reader.GetDouble(5), reader.GetInt64(4)));
        }
    }
}
