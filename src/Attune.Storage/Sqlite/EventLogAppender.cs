using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Import;
using Attune.Storage.Schemas;
using Microsoft.Data.Sqlite;

namespace Attune.Storage.Sqlite;

/// <summary>
/// Writes PutEvents batches inside one open write transaction: each batch under its own savepoint, so a batch with a
/// bad value is undone alone while the others commit together. Resolves who each batch's events belong to, skips
/// eventIds committed before and merges a session's anonymous events into its user.
/// </summary>
internal sealed class EventLogAppender : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly AvroSchema _schema;
    private readonly RawStatement _insertEventId;
    private readonly RawStatement _claimSession;
    private readonly RawStatement _insertImpression;
    private readonly RawStatement _savepoint;
    private readonly RawStatement _release;
    private readonly SqliteCommand _sessionUser;
    private readonly int _sessionParameter;
    private readonly EventLogValues _values;
    private readonly string _insertSql;
    private IdDictionaries _dictionaries;
    private RawStatement _insert;
    private RowWriter _writer;

    public EventLogAppender(SqliteConnection connection, AvroSchema schema)
    {
        _connection = connection;
        _schema = schema;
        var extras = DatasetLayout.ExtraFields(DatasetType.Interactions, schema);
        _sessionParameter = 6 + extras.Count;
        _insertSql = $"INSERT INTO \"{EventLogLayout.Table}\" ({DatasetLayout.EventColumns}{DatasetLayout.ColumnList(extras)}, " +
            $"{EventLogLayout.SessionColumn}, {EventLogLayout.AnonymousColumn}) VALUES ({string.Join(", ", Enumerable.Range(1, _sessionParameter + 1).Select(i => $"?{i}"))})";
        _insertEventId = new RawStatement(connection, EventLogLayout.InsertEventId);
        _claimSession = new RawStatement(connection, EventLogLayout.ClaimSession);
        _insertImpression = new RawStatement(connection, EventLogLayout.InsertImpression);
        _savepoint = new RawStatement(connection, "SAVEPOINT batch");
        _release = new RawStatement(connection, "RELEASE batch");
        _sessionUser = connection.CreateCommand();
        _sessionUser.CommandText = EventLogLayout.SessionUser;
        _sessionUser.Parameters.Add("?1", SqliteType.Text);
        _values = new EventLogValues(schema);
        (_dictionaries, _insert, _writer) = OpenWriter();
    }

    /// <summary>Writes one batch; throws <see cref="EventRejectedException"/> (with the batch undone) for a value the schema refuses.</summary>
    public EventLogCommit Append(EventLogBatch batch)
    {
        _savepoint.Execute();
        try
        {
            var commit = AppendUnderSavepoint(batch);
            _release.Execute();
            return commit;
        }
        catch
        {
            SqliteDatasetStore.Execute(_connection, "ROLLBACK TO batch; RELEASE batch");
            // The id caches may hold ids whose insert was just undone: start them afresh.
            (_dictionaries, _insert, _writer) = ReopenWriter();
            throw;
        }
    }

    private EventLogCommit AppendUnderSavepoint(EventLogBatch batch)
    {
        var (principal, anonymous, merged) = Attribute(batch);
        var stored = new List<StoredEvent>(batch.Events.Count + merged.Count);
        var impressions = new List<string>();
        var duplicates = 0;
        _insert.Bind(_sessionParameter, batch.SessionId);
        _insert.Bind(_sessionParameter + 1, anonymous ? 1L : 0L);
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var record = batch.Events[i];
            if (record.EventId is { } eventId)
            {
                _insertEventId.Bind(1, eventId);
                if (_insertEventId.Execute() == 0)
                {
                    duplicates++;
                    continue;
                }
            }

            if (record.Columns.GetValueOrDefault("IMPRESSION") is { Length: > 0 } shown)
            {
                impressions.AddRange(shown.Split('|', StringSplitOptions.RemoveEmptyEntries));
            }

            if (record.ItemId is null)
            {
                InsertImpression(batch.SessionId, anonymous ? null : principal, record);
                continue;
            }

            try
            {
                _writer.Write(_values.Fill(principal, record));
            }
            catch (RowException e)
            {
                throw new EventRejectedException(i + 1, e.Message);
            }

            stored.Add(new StoredEvent(_insert.LastInsertRowId, principal, record.ItemId, record.EventType,
                record.EventValue ?? float.NaN, record.Timestamp));
        }

        stored.AddRange(merged);
        return new EventLogCommit(stored, impressions, duplicates);
    }

    /// <summary>
    /// The batch's principal: its user (claiming the session for the user the first time, which re-attributes the
    /// session's anonymous events), the user a session was claimed by, or the session itself while anonymous.
    /// </summary>
    private (string Principal, bool Anonymous, List<StoredEvent> Merged) Attribute(EventLogBatch batch)
    {
        if (batch.UserId is { } user)
        {
            _claimSession.Bind(1, batch.SessionId);
            _claimSession.Bind(2, user);
            var merged = _claimSession.Execute() == 1 ? MergeSession(batch.SessionId, user) : [];
            return (user, false, merged);
        }

        _sessionUser.Parameters[0].Value = batch.SessionId;
        return _sessionUser.ExecuteScalar() is string owner ? (owner, false, []) : (batch.SessionId, true, []);
    }

    private List<StoredEvent> MergeSession(string session, string user)
    {
        var merged = new List<StoredEvent>();
        using (var select = _connection.CreateCommand())
        {
            select.CommandText = EventLogLayout.SelectAnonymous;
            select.Parameters.AddWithValue("?1", session);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                merged.Add(SqliteDatasetStore.ReadStored(reader, user));
            }
        }

        if (merged.Count > 0)
        {
            var userIndex = _dictionaries.Get(DatasetLayout.UserIds).Intern(user);
            SqliteDatasetStore.Execute(_connection, EventLogLayout.AttributeAnonymous, ("?1", session), ("?2", userIndex));
        }

        SqliteDatasetStore.Execute(_connection, EventLogLayout.AttributeImpressions, ("?1", session), ("?2", user));
        return merged;
    }

    private void InsertImpression(string session, string? user, EventLogRecord record)
    {
        _insertImpression.Bind(1, session);
        BindText(2, user);
        _insertImpression.Bind(3, record.Timestamp);
        _insertImpression.Bind(4, record.EventType);
        BindText(5, record.Columns.GetValueOrDefault("IMPRESSION"));
        BindText(6, record.Columns.GetValueOrDefault("RECOMMENDATION_ID"));
        _insertImpression.Execute();
    }

    private void BindText(int index, string? value)
    {
        if (value is null)
        {
            _insertImpression.BindNull(index);
        }
        else
        {
            _insertImpression.Bind(index, value);
        }
    }

    private (IdDictionaries, RawStatement, RowWriter) OpenWriter()
    {
        var dictionaries = new IdDictionaries(_connection, preload: false);
        var insert = new RawStatement(_connection, _insertSql);
        return (dictionaries, insert, new RowWriter(DatasetType.Interactions, _schema, _values.Sources, insert, dictionaries.Get));
    }

    private (IdDictionaries, RawStatement, RowWriter) ReopenWriter()
    {
        _insert.Dispose();
        _dictionaries.Dispose();
        return OpenWriter();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _dictionaries.Dispose();
        _insertEventId.Dispose();
        _claimSession.Dispose();
        _insertImpression.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _sessionUser.Dispose();
    }
}
