using System.Globalization;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;

namespace Attune.Storage.Import;

/// <summary>
/// Validates one row against the schema and binds it to a prepared insert: ids and event types are interned,
/// numbers parsed invariantly, empty cells become NULL only for nullable fields, textual values are truncated.
/// Parameter layout: event datasets <c>?1 user, ?2 item/action, ?3 ts, ?4 event type, ?5 event value, extras</c>;
/// entity datasets <c>?1 idx, extras</c>.
/// </summary>
public sealed class RowWriter
{
    private readonly Slot[] _slots;
    private readonly IRowSink _insert;

    public RowWriter(DatasetType type, AvroSchema schema, int[] sources, IRowSink insert, Func<string, IIdInterner> dictionaries)
    {
        _insert = insert;
        var extras = DatasetLayout.ExtraFields(type, schema);
        var firstExtra = DatasetLayout.IsEventDataset(type) ? 6 : 2;
        _slots = new Slot[schema.Fields.Count];
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            var extra = extras.IndexOf(field);
            _slots[i] = extra >= 0
                ? new Slot(field, sources[i], SlotKind.Value, firstExtra + extra, null)
                : CoreSlot(type, field, sources[i], dictionaries);
        }
    }

    public void Write(IRowSource row)
    {
        foreach (var slot in _slots)
        {
            var value = slot.Source < 0 ? [] : row.Field(slot.Source);
            if (value.IsEmpty)
            {
                if (!slot.Field.Nullable)
                {
                    throw new RowException($"{slot.Field.Name} is empty but the field is not nullable.");
                }

                _insert.BindNull(slot.Parameter);
                continue;
            }

            switch (slot.Kind)
            {
                case SlotKind.Id:
                    if (value.Length > ValueLimits.MaxIdLength)
                    {
                        throw new RowException($"{slot.Field.Name} is longer than {ValueLimits.MaxIdLength} characters.");
                    }

                    _insert.Bind(slot.Parameter, slot.Dictionary!.Intern(value));
                    break;
                default:
                    BindValue(slot, value);
                    break;
            }
        }

        _insert.Execute();
    }

    private void BindValue(in Slot slot, ReadOnlySpan<char> value)
    {
        var field = slot.Field;
        switch (field.Type)
        {
            case AvroType.Int:
                _insert.Bind(slot.Parameter, int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? i
                    : throw Invalid(field, value, "an int"));
                break;
            case AvroType.Long:
                _insert.Bind(slot.Parameter, long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l
                    : throw Invalid(field, value, "a long"));
                break;
            case AvroType.Float or AvroType.Double:
                _insert.Bind(slot.Parameter, double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                    ? d
                    : throw Invalid(field, value, field.Type == AvroType.Float ? "a float" : "a double"));
                break;
            case AvroType.Boolean:
                _insert.Bind(slot.Parameter, value.Equals("true", StringComparison.OrdinalIgnoreCase) ? 1L
                    : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? 0L
                    : throw Invalid(field, value, "a boolean (true or false)"));
                break;
            case AvroType.Null:
                throw new RowException($"{field.Name} must be empty: its type is null.");
            default:
                if (field.Textual)
                {
                    value = value[..Math.Min(value.Length, ValueLimits.MaxTextualLength)];
                }
                else if (value.Length > ValueLimits.MaxStringLength)
                {
                    throw new RowException($"{field.Name} is longer than {ValueLimits.MaxStringLength} characters.");
                }

                _insert.Bind(slot.Parameter, value);
                break;
        }
    }

    private static RowException Invalid(SchemaField field, ReadOnlySpan<char> value, string what)
    {
        var shown = value.Length > 40 ? string.Concat(value[..40], "...") : value.ToString();
        return new RowException($"{field.Name} '{shown}' is not {what}.");
    }

    private static Slot CoreSlot(DatasetType type, SchemaField field, int source, Func<string, IIdInterner> dictionaries)
    {
        if (!DatasetLayout.IsEventDataset(type))
        {
            return new Slot(field, source, SlotKind.Id, 1, dictionaries(DatasetLayout.IdDictionary(field.Name)!));
        }

        return field.Name.ToUpperInvariant() switch
        {
            "USER_ID" => new Slot(field, source, SlotKind.Id, 1, dictionaries(DatasetLayout.UserIds)),
            "ITEM_ID" or "ACTION_ID" => new Slot(field, source, SlotKind.Id, 2, dictionaries(DatasetLayout.IdDictionary(field.Name)!)),
            "TIMESTAMP" => new Slot(field, source, SlotKind.Value, 3, null),
            "EVENT_TYPE" => new Slot(field, source, SlotKind.Id, 4, dictionaries(DatasetLayout.EventTypes)),
            _ => new Slot(field, source, SlotKind.Value, 5, null),
        };
    }

    private enum SlotKind
    {
        Id,
        Value,
    }

    private readonly record struct Slot(SchemaField Field, int Source, SlotKind Kind, int Parameter, IIdInterner? Dictionary);
}
