using System.Text.Json;

namespace Attune.Server.Wire;

/// <summary>
/// Tenancy in one place: a request may name only its own account's resources. Every member whose name ends in "Arn"
/// (or "Arns", a list), at any depth, that holds a Personalize ARN of another account is answered exactly as an ARN
/// that does not exist (ResourceNotFoundException with the same message), so no account learns what another has.
/// AWS-owned ARNs (recipes, algorithms: no account) and other services' ARNs (IAM roles) pass.
/// </summary>
internal static class ArnAccountGuard
{
    private const string Prefix = "arn:aws:personalize:";
    private const int MaxDepth = 8;

    public static void Check(JsonElement input, string accountId) => Walk(input, accountId, 0);

    /// <summary>The account segment of a Personalize ARN (empty for AWS-owned ones), or null for anything else.</summary>
    public static string? AccountOf(string arn)
    {
        if (!arn.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = arn.AsSpan(Prefix.Length);
        var regionEnd = rest.IndexOf(':');
        if (regionEnd < 0)
        {
            return null;
        }

        rest = rest[(regionEnd + 1)..];
        var accountEnd = rest.IndexOf(':');
        return accountEnd < 0 ? null : rest[..accountEnd].ToString();
    }

    private static void Walk(JsonElement element, string accountId, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, accountId, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in element.EnumerateObject())
        {
            var value = member.Value;
            if (member.Name.EndsWith("Arn", StringComparison.Ordinal) && value.ValueKind == JsonValueKind.String)
            {
                CheckArn(value.GetString()!, accountId);
            }
            else if (member.Name.EndsWith("Arns", StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
                {
                    CheckArn(item.GetString()!, accountId);
                }
            }
            else
            {
                Walk(value, accountId, depth + 1);
            }
        }
    }

    private static void CheckArn(string arn, string accountId)
    {
        if (AccountOf(arn) is { Length: > 0 } owner && owner != accountId)
        {
            throw ApiErrors.NotFound(arn);
        }
    }
}
