namespace Attune.Server.Auth;

/// <summary>Who a request acts as: the account its ARNs belong to, and the region of its credential scope if it has one.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Throws ApiException (403) when the request does not prove who it is.</summary>
    (string AccountId, string? Region) Authenticate(HttpRequest request, ReadOnlySpan<byte> body);
}
