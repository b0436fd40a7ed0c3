namespace Attune.Server.Auth;

/// <summary>What makes an access key usable, wherever it comes from; messages never include the secret.</summary>
internal static class AccessKeyRules
{
    public static string? Problem(AccessKey key)
    {
        if (key.AccessKeyId.Length is < 16 or > 128 || !key.AccessKeyId.All(char.IsAsciiLetterOrDigit))
        {
            return $"access key id '{key.AccessKeyId}' must be 16 to 128 letters and digits.";
        }

        if (key.SecretAccessKey.Length < 16 || key.SecretAccessKey.Any(char.IsWhiteSpace))
        {
            return $"the secret of {key.AccessKeyId} must be at least 16 characters without spaces.";
        }

        return IsAccountId(key.AccountId) ? null : $"account id '{key.AccountId}' of {key.AccessKeyId} must be 12 digits.";
    }

    public static bool IsAccountId(string account) => account.Length == 12 && account.All(char.IsAsciiDigit);
}
