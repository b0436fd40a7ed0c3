namespace Attune.ServiceModel;

/// <summary>A member of a structure shape; <see cref="Utf8Name"/> lets validation look it up without allocating.</summary>
internal sealed class MemberModel(string name, Shape shape, bool required, string? location, bool jsonValue)
{
    public string Name { get; } = name;

    public byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(name);

    public Shape Shape { get; } = shape;

    public bool Required { get; } = required;

    /// <summary>uri, querystring or header for rest-json members that do not travel in the body; null for body members.</summary>
    public string? Location { get; } = location;

    /// <summary>A string that must itself hold a JSON document (botocore's "jsonvalue", e.g. PutEvents' properties).</summary>
    public bool JsonValue { get; } = jsonValue;
}
