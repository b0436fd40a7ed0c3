using System.Text.Json;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>Tag rules beyond the model's shape constraints: reserved prefix, duplicates, the per-resource cap.</summary>
public static class Tags
{
    public const int MaxPerResource = 50;

    public static IReadOnlyList<KeyValuePair<string, string>> Read(JsonElement input, string member = "tags")
    {
        var tags = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in input.OptionalArray(member))
        {
            var key = tag.RequiredString("tagKey");
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiErrors.InvalidInput($"Tag key '{key}' uses the reserved prefix 'aws:'.");
            }
            if (!seen.Add(key))
            {
                throw ApiErrors.InvalidInput($"Tag key '{key}' appears more than once.");
            }
            tags.Add(new(key, tag.RequiredString("tagValue")));
        }
        if (tags.Count > MaxPerResource)
        {
            throw ApiErrors.TooManyTags(MaxPerResource);
        }
        return tags;
    }
}
