using System.Globalization;
using System.Text;

namespace Attune.ServiceModel.Tests;

/// <summary>Builds the smallest plausible body for an input shape: required members only, each with a value that a client would send.</summary>
internal static class MinimalRequest
{
    private static readonly string[] StringCandidates =
    [
        "arn:aws:personalize:us-east-1:123456789012:dataset-group/test",
        "arn:aws:iam::123456789012:role/PersonalizeRole",
        "arn:aws:kms:us-east-1:123456789012:key/1234abcd",
        "s3://bucket/prefix/data.csv",
        "rate(7 days)",
        "test-name-1",
        "ITEMS",
    ];

    public static string For(Shape shape)
    {
        var json = new StringBuilder();
        Append(shape, json);
        return json.ToString();
    }

    private static void Append(Shape shape, StringBuilder json)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Structure:
                json.Append('{').AppendJoin(',', shape.Members.Where(m => m.Required).Select(m => $"\"{m.Name}\":{For(m.Shape)}")).Append('}');
                break;
            case ShapeKind.List:
                json.Append('[').AppendJoin(',', Enumerable.Repeat(For(shape.Member!), (int)(shape.Min ?? 1))).Append(']');
                break;
            case ShapeKind.Map:
                json.Append('{').Append(For(shape.Key!)).Append(':').Append(For(shape.Value!)).Append('}');
                break;
            case ShapeKind.String:
                json.Append('"').Append(PlausibleString(shape)).Append('"');
                break;
            case ShapeKind.Blob:
                json.Append("\"AAEC\"");
                break;
            case ShapeKind.Boolean:
                json.Append("true");
                break;
            case ShapeKind.Timestamp:
                json.Append("1700000000");
                break;
            default:
                json.Append(Math.Max(shape.Min ?? 1, Math.Min(shape.Max ?? 1, 1)).ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string PlausibleString(Shape shape)
    {
        if (shape.Enum is { } values)
        {
            return values[0];
        }

        var fits = StringCandidates.FirstOrDefault(c =>
            c.Length >= (shape.Min ?? 0) && c.Length <= (shape.Max ?? int.MaxValue) && (shape.Pattern?.IsMatch(c) ?? true));
        return fits ?? throw new InvalidOperationException($"No plausible value for shape {shape.Name}; add a candidate.");
    }
}
