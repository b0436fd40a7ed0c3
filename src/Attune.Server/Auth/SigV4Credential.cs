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
        if (algorithm != Algorithm)
        {
            throw AuthErrors.Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'. Use {Algorithm}.");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in authorization[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (part, string.Empty) : (part[..equals], part[(equals + 1)..]);
            switch (name)
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString() is { Length: > 0 } header ? header : FromHttpDate(request.Headers.Date.ToString());
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
            throw AuthErrors.Incomplete($"AWS query-string parameters missing: {string.Join(", ", missing)}.");
        }

        if (Parameter("X-Amz-Algorithm") != Algorithm)
        {
            throw AuthErrors.Incomplete($"Unsupported AWS 'algorithm': '{Parameter("X-Amz-Algorithm")}'. Use {Algorithm}.");
        }

        var expiresText = Parameter("X-Amz-Expires");
        if (!int.TryParse(expiresText.Length == 0 ? "900" : expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires is < 1 or > 604_800)
        {
            throw AuthErrors.Incomplete("X-Amz-Expires must be a whole number of seconds from 1 to 604800 (a week).");
        }

        return Build(Parameter("X-Amz-Credential"), Parameter("X-Amz-SignedHeaders"), Parameter("X-Amz-Signature"), Parameter("X-Amz-Date"),
            presigned: true, expires);
    }

    private static SigV4Credential Build(string credential, string signedHeaders, string signature, string amzDate, bool presigned, int expires)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(part => part.Length == 0))
        {
            throw AuthErrors.Incomplete($"Credential should be AKID/YYYYMMDD/region/service/aws4_request, not '{credential}'.");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw AuthErrors.Incomplete($"X-Amz-Date must be in the ISO 8601 basic format yyyyMMddTHHmmssZ, not '{amzDate}'.");
        }

        return new SigV4Credential(scope[0], scope[1], scope[2], scope[3], scope[4],
            signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries), signature, amzDate, time, presigned, expires);
    }

    /// <summary>An RFC 1123 Date header as yyyyMMddTHHmmssZ, or null.</summary>
    private static string? FromHttpDate(string value) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
            ? date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : null;
}
