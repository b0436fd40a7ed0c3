using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Attune.ServiceModel;

/// <summary>
/// Walks a parsed request alongside its compiled input shape and reports every violation; one walker per thread
/// is reused so the valid path allocates nothing beyond escaped strings and map keys.
/// </summary>
internal sealed class RequestWalker
{
    private const int MaxStackMembers = 64;

    [ThreadStatic]
    private static RequestWalker? _cachedWalker;

    private readonly ViolationReport _report = new();
    private readonly List<string> _violations = [];

    /// <summary>Returns the AWS-style message listing the violations, or null when the request is valid.</summary>
    public static string? Validate(Shape input, JsonElement root)
    {
        var walker = _cachedWalker ??= new RequestWalker();
        walker._report.Reset();
        walker._violations.Clear();
        walker.ValidateMembers(input, root, input.Sensitive);
        return walker._report.Compose();
    }

    /// <summary>
    /// One pass over the JSON object (TryGetProperty per member would rescan it for every member): present members are
    /// checked in body order, then missing required ones in model order. A JSON null counts as missing.
    /// </summary>
    private void ValidateMembers(Shape structure, JsonElement json, bool redact)
    {
        var members = structure.Members;
        Span<bool> present = members.Length <= MaxStackMembers ? stackalloc bool[members.Length] : new bool[members.Length];
        foreach (var property in json.EnumerateObject())
        {
            var index = IndexOfMember(members, property);
            if (index < 0 || members[index].Location is not null || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            present[index] = true;
            _report.EnterMember(members[index].Name);
            ValidateValue(members[index].Shape, property.Value, redact);
            if (members[index].JsonValue)
            {
                ValidateJsonValue(property.Value, redact || members[index].Shape.Sensitive);
            }

            _report.Leave();
        }

        for (var i = 0; i < members.Length; i++)
        {
            if (members[i].Required && !present[i] && members[i].Location is null)
            {
                _report.EnterMember(members[i].Name);
                _report.Null();
                _report.Leave();
            }
        }
    }

    private static int IndexOfMember(MemberModel[] members, JsonProperty property)
    {
        var rawName = JsonMarshal.GetRawUtf8PropertyName(property);
        var escaped = rawName.IndexOf((byte)'\\') >= 0;
        for (var i = 0; i < members.Length; i++)
        {
            if (escaped ? property.NameEquals(members[i].Utf8Name) : rawName.SequenceEqual(members[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    private void ValidateValue(Shape shape, JsonElement value, bool redact)
    {
        redact |= shape.Sensitive;
        switch (shape.Kind)
        {
            case ShapeKind.Structure when Expect(value, JsonValueKind.Object, "Member must be a structure (JSON object)", redact):
                ValidateMembers(shape, value, redact);
                break;
            case ShapeKind.List when Expect(value, JsonValueKind.Array, "Member must be a list (JSON array)", redact):
                ValidateList(shape, value, redact);
                break;
            case ShapeKind.Map when Expect(value, JsonValueKind.Object, "Member must be a map (JSON object)", redact):
                ValidateMap(shape, value, redact);
                break;
            case ShapeKind.String when Expect(value, JsonValueKind.String, "Member must be a string", redact):
                StringConstraints.Collect(shape, value, _violations);
                ReportViolations(value, redact);
                break;
            case ShapeKind.Blob when Expect(value, JsonValueKind.String, "Member must be a base64-encoded string", redact):
                ValidateBlob(shape, value, redact);
                break;
            case ShapeKind.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                _report.Value(value, redact, "Member must be a boolean");
                break;
            case ShapeKind.Integer:
                ValidateInteger(shape, value, redact, int.MinValue, int.MaxValue);
                break;
            case ShapeKind.Long:
                ValidateInteger(shape, value, redact, long.MinValue, long.MaxValue);
                break;
            case ShapeKind.Float or ShapeKind.Double:
                ValidateNumber(shape, value, redact);
                break;
            case ShapeKind.Timestamp:
                // botocore's json and rest-json serializers send timestamps as epoch seconds (a JSON number).
                Expect(value, JsonValueKind.Number, "Member must be a timestamp in epoch seconds (JSON number)", redact);
                break;
        }
    }

    private void ValidateJsonValue(JsonElement value, bool redact)
    {
        if (value.ValueKind != JsonValueKind.String || StringConstraints.TryGetText(value) is not { } text)
        {
            return;
        }

        if (!StringConstraints.IsJsonDocument(text))
        {
            _report.Value(value, redact, "Member must be a JSON document");
        }
    }

    private void ValidateList(Shape shape, JsonElement list, bool redact)
    {
        StringConstraints.CollectLength(shape, list.GetArrayLength(), _violations);
        ReportViolations(list, redact);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            _report.EnterItem(index++);
            ValidateChild(shape.Member!, item, redact);
            _report.Leave();
        }
    }

    private void ValidateMap(Shape shape, JsonElement map, bool redact)
    {
        var count = 0;
        foreach (var entry in map.EnumerateObject())
        {
            count++;
            var key = ValidateMapKey(shape.Key!, entry, redact);
            if (key is null)
            {
                continue;
            }

            _report.EnterMember(key);
            ValidateChild(shape.Value!, entry.Value, redact);
            _report.Leave();
        }

        StringConstraints.CollectLength(shape, count, _violations);
        ReportViolations(map, redact);
    }

    /// <summary>Reports the key's violations at the map's path, as AWS does; returns the key unless it is not valid text.</summary>
    private string? ValidateMapKey(Shape keyShape, JsonProperty entry, bool redact)
    {
        string key;
        try
        {
            key = entry.Name;
        }
        catch (InvalidOperationException)
        {
            _report.Shown(null, $"Map keys must satisfy constraint: [{StringConstraints.InvalidText}]");
            return null;
        }

        StringConstraints.Collect(keyShape, key, _violations);
        if (_violations.Count > 0)
        {
            _report.Shown(redact || keyShape.Sensitive ? null : key, $"Map keys must satisfy constraint: [{string.Join(", ", _violations)}]");
            _violations.Clear();
        }

        return key;
    }

    private void ValidateChild(Shape shape, JsonElement value, bool redact)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            _report.Null();
        }
        else
        {
            ValidateValue(shape, value, redact);
        }
    }

    private void ValidateBlob(Shape shape, JsonElement value, bool redact)
    {
        var text = StringConstraints.TryGetText(value);
        if (text is null || !Base64.IsValid(text, out var decodedLength))
        {
            _report.Value(value, redact, "Member must be a base64-encoded string");
            return;
        }

        StringConstraints.CollectLength(shape, decodedLength, _violations);
        ReportViolations(value, redact);
    }

    private void ValidateInteger(Shape shape, JsonElement value, bool redact, long typeMin, long typeMax)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            _report.Value(value, redact, "Member must be an integer");
            return;
        }

        if (shape.Min is null && number < typeMin)
        {
            _report.Value(value, redact, $"Member must have value greater than or equal to {typeMin}");
        }
        else if (shape.Max is null && number > typeMax)
        {
            _report.Value(value, redact, $"Member must have value less than or equal to {typeMax}");
        }

        ValidateRange(shape, number, value, redact);
    }

    private void ValidateNumber(Shape shape, JsonElement value, bool redact)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            _report.Value(value, redact, "Member must be a number");
            return;
        }

        ValidateRange(shape, number, value, redact);
    }

    private void ValidateRange(Shape shape, double number, JsonElement value, bool redact)
    {
        if (number < shape.Min)
        {
            _report.Value(value, redact, $"Member must have value greater than or equal to {StringConstraints.Format(shape.Min.Value)}");
        }

        if (number > shape.Max)
        {
            _report.Value(value, redact, $"Member must have value less than or equal to {StringConstraints.Format(shape.Max.Value)}");
        }
    }

    private bool Expect(JsonElement value, JsonValueKind kind, string constraint, bool redact)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        _report.Value(value, redact, constraint);
        return false;
    }

    private void ReportViolations(JsonElement value, bool redact)
    {
        foreach (var violation in _violations)
        {
            _report.Value(value, redact, violation);
        }

        _violations.Clear();
    }
}
