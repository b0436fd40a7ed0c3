using Attune.Server.Auth;
using Attune.Server.Hosting;
using Attune.Server.Wire;
using Microsoft.Extensions.Options;

namespace Attune.Server.WebConsole;

/// <summary>
/// Who calls a /console/api endpoint. Mode none: the configured account. Mode sigv4: the session's account. In both,
/// requests other than GET must carry X-Attune-Console (GETs need not: EventSource cannot set headers, they change
/// nothing, and the SameSite=Strict cookie never rides a cross-site request).
/// </summary>
internal sealed class ConsoleCaller(AuthDecision auth, IOptions<AttuneOptions> attune, TimeProvider clock, IServiceProvider services)
{
    public bool Open => auth.Mode == AuthMode.None;

    /// <summary>The sign-ins; null in mode none.</summary>
    public ConsoleSessions? Sessions { get; } = services.GetService<ConsoleSessions>();

    /// <summary>The caller's account, or null when the request is not signed in (answer 403).</summary>
    public string? AccountOf(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !ConsoleCookie.FromConsole(request))
        {
            return null;
        }
        return Open ? attune.Value.AccountId : Sessions!.Find(ConsoleCookie.Token(request))?.AccountId;
    }

    /// <summary>The call context an operation helper needs, in the caller's account and the default region.</summary>
    public CallContext Context(HttpContext http, string accountId) => new(
        attune.Value.DefaultRegion, accountId, clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, http.RequestAborted);
}
