using Microsoft.AspNetCore.StaticFiles;

namespace Attune.Server.WebConsole; // not "Console": that would hide System.Console in Attune.Server

/// <summary>
/// The web console: its assets at /console/ (with the single-page fallback), the browser redirect from `/`, the
/// security headers, and its own endpoints under /console/api/. Everything else it does goes through the public API.
/// </summary>
internal static class ConsoleRoutes
{
    public static void MapAttuneConsole(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/console"))
            {
                ConsoleHeaders.Apply(http.Response);
            }
            else if (IsBrowserVisit(http.Request))
            {
                http.Response.Redirect("/console/");
                return;
            }
            await next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = ConsoleAssets.Files,
            RequestPath = "/console",
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.File.Name == "index.html" ? "no-store" : "no-cache",
        });
        app.MapGet("/console/{**path:nonfile}", ConsoleAssets.WriteIndexAsync);
        app.MapConsoleApi();
    }

    /// <summary>A browser opening the server's root (SDKs POST there, or GET without asking for HTML).</summary>
    private static bool IsBrowserVisit(HttpRequest request)
        => HttpMethods.IsGet(request.Method) && request.Path == "/"
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
