using System.Text.Json;
using System.Text.RegularExpressions;

namespace Attune.ServiceModel;

/// <summary>Reads a model written by tools/extract-service-model.py and compiles its shape graph.</summary>
internal static class ServiceModelLoader
{
    public static ServiceModel LoadEmbedded(string serviceName)
    {
        var resourceName = $"Attune.ServiceModel.{serviceName}.json";
        using var stream = typeof(ServiceModelLoader).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded service model '{resourceName}' is missing.");
        using var document = JsonDocument.Parse(stream);
        return Load(serviceName, document.RootElement);
    }

    public static ServiceModel Load(string serviceName, JsonElement root)
    {
        var metadata = root.GetProperty("metadata");
        var shapesJson = root.GetProperty("shapes");
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var shape in shapesJson.EnumerateObject())
        {
            shapes.Add(shape.Name, new Shape(shape.Name, ParseKind(shape.Value.GetProperty("type").GetString())));
        }

        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var shape in shapesJson.EnumerateObject())
        {
            Link(shapes[shape.Name], shape.Value, shapes, patterns);
        }

        AttuneModelExtensions.Apply(serviceName, shapes);
        var operations = new List<OperationModel>();
        foreach (var operation in root.GetProperty("operations").EnumerateObject())
        {
            operations.Add(ParseOperation(operation.Name, operation.Value, shapes));
        }

        return new ServiceModel(
            serviceName,
            metadata.GetProperty("protocol").GetString()!,
            metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null,
            operations,
            shapes);
    }

    private static void Link(Shape shape, JsonElement json, Dictionary<string, Shape> shapes, Dictionary<string, Regex> patterns)
    {
        if (json.TryGetProperty("min", out var min))
        {
            shape.Min = min.GetDouble();
        }

        if (json.TryGetProperty("max", out var max))
        {
            shape.Max = max.GetDouble();
        }

        if (json.TryGetProperty("pattern", out var pattern))
        {
            var text = pattern.GetString()!;
            shape.PatternText = text;
            if (!patterns.TryGetValue(text, out var regex))
            {
                regex = JavaRegex.Compile(text);
                patterns.Add(text, regex);
            }

            shape.Pattern = regex;
        }

        if (json.TryGetProperty("enum", out var values))
        {
            shape.Enum = [.. values.EnumerateArray().Select(v => v.GetString()!)];
        }

        shape.Sensitive = json.TryGetProperty("sensitive", out var sensitive) && sensitive.GetBoolean();
        if (json.TryGetProperty("error", out var error) && error.TryGetProperty("httpStatusCode", out var status))
        {
            shape.HttpStatusCode = status.GetInt32();
        }

        shape.Member = Reference(json, "member", shapes);
        shape.Key = Reference(json, "key", shapes);
        shape.Value = Reference(json, "value", shapes);
        if (json.TryGetProperty("members", out var members))
        {
            shape.Members = ParseMembers(json, members, shapes);
        }
    }

    private static MemberModel[] ParseMembers(JsonElement json, JsonElement members, Dictionary<string, Shape> shapes)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (json.TryGetProperty("required", out var requiredJson))
        {
            required.UnionWith(requiredJson.EnumerateArray().Select(r => r.GetString()!));
        }

        return
        [
            .. members.EnumerateObject().Select(member => new MemberModel(
                member.Name,
                shapes[member.Value.GetProperty("shape").GetString()!],
                required.Contains(member.Name),
                member.Value.TryGetProperty("location", out var location) ? location.GetString() : null,
                member.Value.TryGetProperty("jsonvalue", out var jsonValue) && jsonValue.GetBoolean())),
        ];
    }

    private static Shape? Reference(JsonElement json, string property, Dictionary<string, Shape> shapes) =>
        json.TryGetProperty(property, out var reference) ? shapes[reference.GetProperty("shape").GetString()!] : null;

    private static OperationModel ParseOperation(string name, JsonElement json, Dictionary<string, Shape> shapes)
    {
        var http = json.GetProperty("http");
        return new OperationModel(
            name,
            http.GetProperty("method").GetString()!,
            http.GetProperty("requestUri").GetString()!,
            json.TryGetProperty("input", out var input) ? shapes[input.GetString()!] : null,
            json.TryGetProperty("output", out var output) ? output.GetString() : null,
            [.. json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)]);
    }

    private static ShapeKind ParseKind(string? type) => type switch
    {
        "string" => ShapeKind.String,
        "integer" => ShapeKind.Integer,
        "long" => ShapeKind.Long,
        "float" => ShapeKind.Float,
        "double" => ShapeKind.Double,
        "boolean" => ShapeKind.Boolean,
        "timestamp" => ShapeKind.Timestamp,
        "blob" => ShapeKind.Blob,
        "list" => ShapeKind.List,
        "map" => ShapeKind.Map,
        "structure" => ShapeKind.Structure,
        _ => throw new InvalidDataException($"Unsupported shape type '{type}' in the service model."),
    };
}
