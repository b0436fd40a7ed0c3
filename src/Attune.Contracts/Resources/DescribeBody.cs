using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// The one mapping between a resource record and its Describe body: member names come from each record's
/// <see cref="JsonPropertyNameAttribute"/>, member order from its declaration order, and absent (null) members are
/// omitted, exactly as the Describe operations have always answered. No member is <c>required</c>: a body stored
/// before a member existed still reads (an absent string reads as empty, an absent number as its default).
/// </summary>
public static class DescribeBody
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a stored Describe body (<c>ResourceRecord.Body</c>) into its typed record.</summary>
    public static T Read<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidDataException($"A {typeof(T).Name} body is null.");

    /// <summary>Reads a Describe body already parsed to a JSON object.</summary>
    public static T Read<T>(JsonObject body) =>
        body.Deserialize<T>(Options) ?? throw new InvalidDataException($"A {typeof(T).Name} body is null.");

    /// <summary>Reads a request member (already validated by its operation family) into its typed value.</summary>
    public static T Read<T>(JsonElement member) =>
        member.Deserialize<T>(Options) ?? throw new InvalidDataException($"A {typeof(T).Name} member is null.");

    /// <summary>Writes the record as its Describe body, the text <c>ResourceRecord.Body</c> stores.</summary>
    public static string Text<T>(T record) => Write(record).ToJsonString();

    /// <summary>Writes the record as its Describe body.</summary>
    public static JsonObject Write<T>(T record) =>
        JsonSerializer.SerializeToNode(record, Options)?.AsObject() ?? throw new InvalidDataException($"A {typeof(T).Name} wrote no body.");
}
