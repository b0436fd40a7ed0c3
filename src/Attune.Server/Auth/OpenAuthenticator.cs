using Attune.Server.Hosting;
using Attune.Server.Wire;
using Microsoft.Extensions.Options;

namespace Attune.Server.Auth;

/// <summary>Mode <c>none</c>: any credentials; every request acts in <c>--account-id</c>.</summary>
internal sealed class OpenAuthenticator(IOptions<AttuneOptions> options) : IRequestAuthenticator
{
    public (string AccountId, string? Region) Authenticate(HttpRequest request, ReadOnlySpan<byte> body)
        => (options.Value.AccountId, CredentialScope.Region(request));
}
