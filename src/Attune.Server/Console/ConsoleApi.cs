namespace Attune.Server.WebConsole;

/// <summary>The console's own endpoints under /console/api/ (everything else the console does is the public API).</summary>
internal static class ConsoleApi
{
    public static void MapConsoleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/console/api");
        api.MapSessionEndpoints();
        api.MapValidateFilter();
        api.MapEventStream();
        api.MapClusterEndpoints();
        api.MapUpload();
        api.Map("/{**rest}", () => ConsoleResults.Error(404, "No such console endpoint.")); // not the page fallback
    }
}
