namespace Attune.Server.Auth;

/// <summary>Parses the keys file: header <c>accessKeyId,secretAccessKey,accountId</c>, one key per line.</summary>
internal static class AccessKeysCsv
{
    public const string Header = "accessKeyId,secretAccessKey,accountId";

    /// <summary>The keys by id; throws <see cref="FormatException"/> naming the line (never the secret) when a line is wrong.</summary>
    public static Dictionary<string, AccessKey> Parse(string path, IEnumerable<string> lines)
    {
        var keys = new Dictionary<string, AccessKey>(StringComparer.Ordinal);
        var number = 0;
        var sawHeader = false;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                if (!string.Equals(line.Replace(" ", string.Empty, StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{path} line {number}: the first line must be the header '{Header}'.");
                }

                sawHeader = true;
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 3)
            {
                throw new FormatException($"{path} line {number}: expected 3 comma-separated values (accessKeyId,secretAccessKey,accountId), found {cells.Length}.");
            }

            var key = new AccessKey(cells[0].Trim(), cells[1].Trim(), cells[2].Trim());
            if (AccessKeyRules.Problem(key) is { } problem)
            {
                throw new FormatException($"{path} line {number}: {problem}");
            }

            if (!keys.TryAdd(key.AccessKeyId, key))
            {
                throw new FormatException($"{path} line {number}: access key {key.AccessKeyId} appears twice.");
            }
        }

        return keys;
    }
}
