using System.Globalization;

namespace Attune.Server.Auth;

/// <summary>
/// What a SigV4 request claims, from its Authorization header or a presigned URL's X-Amz-* query parameters: the key,
/// the credential scope (date/region/service/aws4_request), the signed header names, the signature and the time.
/// </summary>
internal sealed record SigV4Credential(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    string Terminator,
    string[] SignedHeaders,
    string Signature,
    string AmzDate,
    DateTimeOffset Time,
    bool Presigned,
    int ExpiresSeconds)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private static readonly string[] QueryParameters = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];

    public string Scope => $"{ScopeDate}/{Region}/{Service}/{Terminator}";

    /// <summary>The claim, or null when the request carries no signature at all (MissingAuthenticationToken).</summary>
    public static SigV4Credential? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return FromHeader(authorization, request);
        }

        return request.Query.ContainsKey("X-Amz-Algorithm") || request.Query.ContainsKey("X-Amz-Signature") ? FromQuery(request) : null;
    }

    private static SigV4Credential FromHeader(string authorization, HttpRequest request)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? authorization : authorization[..space];
        if (algorithm != Algorithm && algorithm.StartsWith("AWS4-", StringComparison.Ordinal))
        {
            throw AuthErrors.Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'. Use {Algorithm}.");
        }

        // Any other scheme (a Bearer token) has none of SigV4's parts: AWS lists each one missing.
        string? credential = null, signedHeaders = null, signature = null;
        var parts = algorithm == Algorithm ? authorization[(space + 1)..] : string.Empty;
        foreach (var part in parts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw AuthErrors.Incomplete($"'{part}' not a valid key=value pair (missing equal-sign) in Authorization header.");
            }

            var (name, value) = (part[..equals], part[(equals + 1)..]);
            switch (name)
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString() is { Length: > 0 } header ? header : FromHttpDate(request.Headers.Date.ToString());
        if (algorithm != Algorithm)
        {
            credential = signedHeaders = signature = null;
        }
        var missing = new List<string>();
        if (string.IsNullOrEmpty(credential)) missing.Add("Authorization header requires 'Credential' parameter.");
        if (string.IsNullOrEmpty(signature)) missing.Add("Authorization header requires 'Signature' parameter.");
        if (string.IsNullOrEmpty(signedHeaders)) missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        if (string.IsNullOrEmpty(amzDate)) missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (missing.Count > 0)
        {
            throw AuthErrors.Incomplete(string.Join(' ', missing));
        }

        return Build(credential!, signedHeaders!, signature!, amzDate!, presigned: false, expires: 0);
    }

    private static SigV4Credential FromQuery(HttpRequest request)
    {
        string Parameter(string name) => request.Query[name].ToString();
        var missing = QueryParameters.Where(name => Parameter(name).Length == 0).ToList();
        if (missing.Count > 0)
        {
            throw AuthErrors.Incomplete(
                $"AWS query-string parameters must include {string.Join(", ", missing.Select(m => $"'{m}'"))}. Re-examine the query-string parameters.");
        }

        if (Parameter("X-Amz-Algorithm") != Algorithm)
        {
            throw AuthErrors.Incomplete($"Unsupported AWS 'algorithm': '{Parameter("X-Amz-Algorithm")}'. Use {Algorithm}.");
        }

        var expiresText = Parameter("X-Amz-Expires");
        if (!int.TryParse(expiresText.Length == 0 ? "900" : expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires is < 1 or > 604_800)
        {
            throw AuthErrors.Incomplete("X-Amz-Expires must be less than a week (in seconds) that is; 604800"); // AWS's wording
        }

        return Build(Parameter("X-Amz-Credential"), Parameter("X-Amz-SignedHeaders"), Parameter("X-Amz-Signature"), Parameter("X-Amz-Date"),
            presigned: true, expires);
    }

    private static SigV4Credential Build(string credential, string signedHeaders, string signature, string amzDate, bool presigned, int expires)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(part => part.Length == 0))
        {
            throw AuthErrors.Incomplete($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw AuthErrors.Incomplete($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        return new SigV4Credential(scope[0], scope[1], scope[2], scope[3], scope[4],
            signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries), signature, amzDate, time, presigned, expires);
    }

    /// <summary>
    /// A Date header as yyyyMMddTHHmmssZ, or null: RFC 1123 ("… GMT") or RFC 2822 with a numeric zone (botocore writes
    /// "Thu, 01 Jan 1970 00:00:00 -0000").
    /// </summary>
    private static string? FromHttpDate(string value) =>
        value.Length > 0 && (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
            || DateTimeOffset.TryParseExact(value, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out date)
            || DateTimeOffset.TryParseExact(value.Replace("-0000", "+00:00", StringComparison.Ordinal).Replace("+0000", "+00:00", StringComparison.Ordinal),
                "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out date))
            ? date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : null;
}
