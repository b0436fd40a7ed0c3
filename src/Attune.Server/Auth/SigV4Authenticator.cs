using Attune.Server.Wire;

namespace Attune.Server.Auth;

/// <summary>Mode <c>sigv4</c>: the signature must verify; the request acts in the signing key's account.</summary>
internal sealed class SigV4Authenticator(SigV4Verifier verifier) : IRequestAuthenticator
{
    public (string AccountId, string? Region) Authenticate(HttpRequest request, ReadOnlySpan<byte> body)
        => (verifier.Verify(request, body).AccountId, CredentialScope.Region(request));
}
