namespace Attune.Server.WebConsole;

/// <summary>The session cookie and the header that proves a request came from the console's own pages.</summary>
internal static class ConsoleCookie
{
    public const string Name = "attune-console";

    /// <summary>A cross-site form or image cannot set a custom header, so requiring it with the cookie stops CSRF.</summary>
    public const string Header = "X-Attune-Console";

    public static string? Token(HttpRequest request) => request.Cookies[Name];

    /// <summary>Whether the request carries <c>X-Attune-Console: 1</c>.</summary>
    public static bool FromConsole(HttpRequest request) => request.Headers[Header] == "1";

    public static void Set(HttpContext http, string token, TimeSpan lifetime) => http.Response.Cookies.Append(Name, token, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = http.Request.IsHttps,
        MaxAge = lifetime,
    });

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = http.Request.IsHttps,
    });
}
