using Attune.Server.Wire;

namespace Attune.Server.Auth;

/// <summary>The 403 errors AWS's JSON services answer to requests that do not prove who sent them, in AWS's words.</summary>
internal static class AuthErrors
{
    private const int Forbidden = 403;

    public static ApiException Missing() => new("MissingAuthenticationTokenException", "Missing Authentication Token", Forbidden);

    public static ApiException Incomplete(string message) => new("IncompleteSignatureException", message, Forbidden);

    public static ApiException UnknownKey() =>
        new("UnrecognizedClientException", "The security token included in the request is invalid.", Forbidden);

    public static ApiException Mismatch() => new("InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and "
        + "signing method. Consult the service documentation for details.", Forbidden);

    public static ApiException Invalid(string message) => new("InvalidSignatureException", message, Forbidden);
}
