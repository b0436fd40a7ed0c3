namespace Attune.Server.Auth;

/// <summary>Whether requests are authenticated.</summary>
public enum AuthMode
{
    /// <summary>Any credentials (or none) are accepted; every request acts in the configured account.</summary>
    None,

    /// <summary>Every request must carry a valid AWS Signature Version 4 by a known access key; it acts in the key's account.</summary>
    SigV4,
}

/// <summary>The effective mode and why, for the startup banner.</summary>
public sealed record AuthDecision(AuthMode Mode, string Reason);

/// <summary>
/// Picks the mode: an explicit <c>Attune:Auth:Mode</c> wins, except that <c>none</c> where it is not the default needs
/// <c>--insecure</c> too; unset, it is <c>none</c> only when every URL the server listens on is loopback and it is not a
/// cluster member, and <c>sigv4</c> otherwise unless <c>--insecure</c> is given.
/// </summary>
public static class AuthModes
{
    public static AuthDecision Decide(AuthOptions options, IReadOnlyList<string> urls, bool cluster, out string? problem)
    {
        problem = null;
        var exposed = cluster || urls.Any(url => !IsLoopback(url));
        var where = cluster ? "a cluster member" : $"listening on {string.Join(", ", urls.Where(url => !IsLoopback(url)))}";
        switch (options.Mode?.Trim().ToLowerInvariant())
        {
            case "sigv4":
                return new AuthDecision(AuthMode.SigV4, "Attune:Auth:Mode=sigv4");
            case "none" when exposed && !options.Insecure:
                problem = $"Attune:Auth:Mode=none on a server {where} lets anyone who reaches the port do anything: add --insecure to mean it";
                return new AuthDecision(AuthMode.None, "refused");
            case "none":
                return new AuthDecision(AuthMode.None, exposed ? $"Attune:Auth:Mode=none with --insecure ({where})" : "Attune:Auth:Mode=none");
            case null or "":
                return !exposed
                    ? new AuthDecision(AuthMode.None, "every URL is loopback")
                    : options.Insecure
                        ? new AuthDecision(AuthMode.None, $"--insecure ({where})")
                        : new AuthDecision(AuthMode.SigV4, $"default for a server {where}");
            default:
                problem = $"Attune:Auth:Mode must be none or sigv4, not '{options.Mode}'";
                return new AuthDecision(AuthMode.None, "refused");
        }
    }

    /// <summary>Every URL the server will listen on: <c>urls</c> (or the default) and Kestrel's configured endpoints.</summary>
    public static IReadOnlyList<string> ListenUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] is { Length: > 0 } configured ? configured : Hosting.ServerDefaults.Url)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).OfType<string>().Where(url => url.Length > 0));
        return urls;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and [::1]; false for wildcards (*, +, 0.0.0.0, [::]) and other hosts.</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal),
            UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback;
    }
}
