using System.Text;
using System.Text.Json;

namespace Attune.ServiceModel;

/// <summary>
/// Tracks where the walk is and words violations the way AWS does: members by name, list items as
/// <c>eventList.1.member.eventType</c> (1-based), map values as <c>context.KEY</c>.
/// Nothing is formatted unless something fails.
/// </summary>
internal sealed class ViolationReport
{
    /// <summary>AWS counts every violation but lists a bounded number of them.</summary>
    public const int MaxReportedErrors = 10;

    private readonly List<(string? Name, int Index)> _path = [];
    private readonly StringBuilder _messages = new();
    private int _errorCount;

    public void Reset()
    {
        _path.Clear();
        _messages.Clear();
        _errorCount = 0;
    }

    public void EnterMember(string name) => _path.Add((name, -1));

    public void EnterItem(int index) => _path.Add((null, index));

    public void Leave() => _path.RemoveAt(_path.Count - 1);

    /// <summary>The "N validation errors detected: ..." message, or null when nothing failed.</summary>
    public string? Compose()
    {
        if (_errorCount == 0)
        {
            return null;
        }

        var plural = _errorCount == 1 ? "" : "s";
        return $"{_errorCount} validation error{plural} detected: {_messages}";
    }

    /// <summary>Echoes scalar values as AWS does, except under a sensitive shape; containers are never echoed.</summary>
    public void Value(JsonElement value, bool redact, string constraint)
    {
        var shown = redact ? null : value.ValueKind switch
        {
            JsonValueKind.String => StringConstraints.TryGetText(value),
            JsonValueKind.Object or JsonValueKind.Array => null,
            _ => value.GetRawText(),
        };
        Shown(shown, constraint);
    }

    public void Null() => Append("Value null", "Member must not be null");

    public void Shown(string? shownValue, string constraint) =>
        Append(shownValue is null ? "Value" : $"Value '{shownValue}'", constraint);

    private void Append(string subject, string constraint)
    {
        if (_errorCount++ >= MaxReportedErrors)
        {
            return;
        }

        if (_messages.Length > 0)
        {
            _messages.Append("; ");
        }

        _messages.Append(subject).Append(" at '");
        AppendPath();
        _messages.Append("' failed to satisfy constraint: ").Append(constraint);
    }

    private void AppendPath()
    {
        for (var i = 0; i < _path.Count; i++)
        {
            if (i > 0)
            {
                _messages.Append('.');
            }

            var (name, index) = _path[i];
            if (name is null)
            {
                _messages.Append(index + 1).Append(".member");
            }
            else
            {
                _messages.Append(name);
            }
        }
    }
}
