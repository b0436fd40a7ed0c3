using System.Globalization;
using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Events;

/// <summary>
/// One PutEvents record as a row of schema field values (text in CSV conventions) for a <see cref="RowWriter"/>: the
/// record's columns, with USER_ID set to the principal the event is stored under. Reused row after row.
/// </summary>
public sealed class EventLogValues : IRowSource
{
    private readonly AvroSchema _schema;
    private readonly string?[] _values;
    private readonly int _userField;
    private readonly int _itemField;
    private readonly int _timestampField;
    private readonly int _eventTypeField;
    private readonly int _eventValueField;

    public EventLogValues(AvroSchema schema)
    {
        _schema = schema;
        _values = new string?[schema.Fields.Count];
        Sources = PutRecords.Sources(schema);
        _userField = IndexOf("USER_ID");
        _itemField = IndexOf("ITEM_ID");
        _timestampField = IndexOf("TIMESTAMP");
        _eventTypeField = IndexOf("EVENT_TYPE");
        _eventValueField = IndexOf("EVENT_VALUE");
    }

    /// <summary>The writer's source mapping: schema field i is value i.</summary>
    public int[] Sources { get; }

    /// <summary>Loads the record's values; throws <see cref="RowException"/> for a column the schema lacks.</summary>
    public EventLogValues Fill(string principal, EventLogRecord record)
    {
        Array.Clear(_values);
        foreach (var (name, value) in record.Columns)
        {
            var field = _schema.FindProperty(name) ?? throw new RowException($"{name} is not a column of the {_schema.Name} schema.");
            _values[IndexOf(field.Name)] = value;
        }

        Set(_userField, principal);
        Set(_itemField, record.ItemId);
        Set(_timestampField, record.Timestamp.ToString(CultureInfo.InvariantCulture));
        Set(_eventTypeField, record.EventType);
        Set(_eventValueField, record.EventValue?.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    public ReadOnlySpan<char> Field(int index) => _values[index];

    private void Set(int field, string? value)
    {
        if (field >= 0)
        {
            _values[field] = value;
        }
    }

    private int IndexOf(string fieldName)
    {
        for (var i = 0; i < _schema.Fields.Count; i++)
        {
            if (_schema.Fields[i].Name.Equals(fieldName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
