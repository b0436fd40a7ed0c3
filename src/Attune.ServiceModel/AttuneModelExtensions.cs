namespace Attune.ServiceModel;

/// <summary>
/// Attune's deliberate widenings of Personalize's constraints, applied on top of the extracted models
/// (which stay byte-for-byte botocore's, so the drift test holds). Each one exists because a self-hosted
/// service can do something the cloud one cannot.
/// </summary>
internal static class AttuneModelExtensions
{
    /// <summary>Shape name → the pattern Attune enforces instead of the model's.</summary>
    private static readonly Dictionary<string, string> WidenedPatterns = new(StringComparer.Ordinal)
    {
        // Import and export locations may also be local files (file:///path), beside s3:// URIs mapped to the object root.
        ["S3Location"] = "(s3|http|https|file)://.+",
    };

    public static void Apply(string serviceName, Dictionary<string, Shape> shapes)
    {
        if (serviceName != "personalize")
        {
            return;
        }
        foreach (var (name, pattern) in WidenedPatterns)
        {
            if (shapes.TryGetValue(name, out var shape))
            {
                shape.PatternText = pattern;
                shape.Pattern = JavaRegex.Compile(pattern);
            }
        }
    }
}
