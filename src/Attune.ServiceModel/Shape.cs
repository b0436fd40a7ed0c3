using System.Text.RegularExpressions;

namespace Attune.ServiceModel;

/// <summary>A shape of the service model, compiled once with its constraints and linked to the shapes it contains.</summary>
internal sealed class Shape(string name, ShapeKind kind)
{
    public string Name { get; } = name;

    public ShapeKind Kind { get; } = kind;

    /// <summary>Length bound for strings, blobs, lists and maps; value bound for numbers.</summary>
    public double? Min { get; set; }

    public double? Max { get; set; }

    public Regex? Pattern { get; set; }

    /// <summary>The pattern as the model writes it, quoted in messages the way AWS does.</summary>
    public string? PatternText { get; set; }

    public string[]? Enum { get; set; }

    public bool Sensitive { get; set; }

    /// <summary>The httpStatusCode of an error shape, when the model names one.</summary>
    public int? HttpStatusCode { get; set; }

    public MemberModel[] Members { get; set; } = [];

    public Shape? Member { get; set; }

    public Shape? Key { get; set; }

    public Shape? Value { get; set; }
}
