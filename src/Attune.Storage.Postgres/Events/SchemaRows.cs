using Attune.Storage.Datasets;
using Attune.Storage.Events;
using Attune.Storage.Import;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Schemas;
using Npgsql;
using NpgsqlTypes;

namespace Attune.Storage.Postgres.Events;

/// <summary>
/// The put rows of one commit under one Interactions schema, validated and buffered in memory, then copied in one
/// binary COPY with Sequences from <see cref="FirstSequence"/> on.
/// </summary>
internal sealed class SchemaRows
{
    private readonly EventLogValues _values;
    private readonly CopyRowBuffer _buffer;
    private readonly RowWriter _writer;
    private readonly string _columns;
    private readonly int _sessionParameter;

    public SchemaRows(AvroSchema schema, PostgresIdInterners interners)
    {
        var extras = DatasetLayout.ExtraFields(DatasetType.Interactions, schema);
        var types = PostgresLayout.ParameterTypes(DatasetType.Interactions, extras);
        var dictionaries = PostgresLayout.ParameterDictionaries(DatasetType.Interactions, extras)
            .Select(d => d is null ? null : interners.Get(d)).ToList();
        types.AddRange([NpgsqlDbType.Text, NpgsqlDbType.Boolean]);
        dictionaries.AddRange([null, null]);
        _sessionParameter = types.Count - 1;
        _values = new EventLogValues(schema);
        _buffer = new CopyRowBuffer(types, dictionaries, capacity: 64);
        _writer = new RowWriter(DatasetType.Interactions, schema, _values.Sources, _buffer, interners.Get);
        _columns = $"seq, {PostgresLayout.CopyColumns(DatasetType.Interactions, extras, withSequence: false)}, session_id, {EventLogSql.AnonymousColumn}";
    }

    public int Count => _buffer.Count;

    /// <summary>The Sequence of row 0 (set before <see cref="CopyTo"/>).</summary>
    public long FirstSequence { get; set; }

    /// <summary>Validates and buffers one event; returns its row. Throws <see cref="RowException"/> for a value the schema refuses.</summary>
    public int Add(string principal, string session, bool anonymous, EventLogRecord record)
    {
        _buffer.Bind(_sessionParameter, session);
        _buffer.Bind(_sessionParameter + 1, anonymous ? 1L : 0L);
        _writer.Write(_values.Fill(principal, record));
        return _buffer.Count - 1;
    }

    public void TruncateTo(int rows) => _buffer.TruncateTo(rows);

    public void CopyTo(NpgsqlConnection connection, string putTable) => _buffer.CopyTo(connection, $"{putTable} ({_columns})", FirstSequence);
}
