using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace Attune.Server.WebConsole;

/// <summary>
/// The browser assets (Console/wwwroot), embedded in the server assembly with a manifest so `dotnet publish` carries
/// them and no file on disk is needed at run time.
/// </summary>
internal static class ConsoleAssets
{
    public static readonly IFileProvider Files = new ManifestEmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Console/wwwroot");

    /// <summary>The single page: every extension-less /console path answers it, and the browser routes client-side.</summary>
    public static async Task WriteIndexAsync(HttpContext http)
    {
        var index = Files.GetFileInfo("index.html");
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentLength = index.Length;
        await using var content = index.CreateReadStream();
        await content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
