using Attune.Server.Auth;
using Attune.Server.Wire;

namespace Attune.Server.WebConsole;

/// <summary>
/// Mode sigv4 with the console: a request with a live session cookie AND <c>X-Attune-Console: 1</c> acts in the
/// session key's account, exactly as if that key had signed it (rate limits and the ARN account guard follow the
/// account). Any other request is checked by SigV4 as before; a dead session is refused as an unknown key would be.
/// </summary>
internal sealed class ConsoleSessionAuthenticator(SigV4Authenticator sigV4, ConsoleSessions sessions) : IRequestAuthenticator
{
    public (string AccountId, string? Region) Authenticate(HttpRequest request, ReadOnlySpan<byte> body)
    {
        if (!ConsoleCookie.FromConsole(request) || ConsoleCookie.Token(request) is not { } token)
        {
            return sigV4.Authenticate(request, body);
        }
        var session = sessions.Find(token) ?? throw AuthErrors.UnknownKey();
        return (session.AccountId, CredentialScope.Region(request));
    }
}
