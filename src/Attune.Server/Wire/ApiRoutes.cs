using Attune.Server.Attribution;
using Attune.Storage.Resources;

namespace Attune.Server.Wire;

/// <summary>The HTTP routes of the three Personalize services, all on one port.</summary>
internal static class ApiRoutes
{
    public static void MapPersonalizeApis(this IEndpointRouteBuilder app)
    {
        var control = ServiceModel.ServiceModel.Personalize;
        app.MapPost("/", (HttpContext http, ApiPipeline pipeline) =>
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            return pipeline.HandleAsync(http, control, control.TryGetOperationByTarget(target, out var op) ? op : null, target);
        });
        foreach (var model in new[] { ServiceModel.ServiceModel.PersonalizeRuntime, ServiceModel.ServiceModel.PersonalizeEvents })
        {
            foreach (var operation in model.Operations)
            {
                app.MapMethods(operation.RequestUri, [operation.HttpMethod], (HttpContext http, ApiPipeline pipeline) =>
                    pipeline.HandleAsync(http, model, operation, operation.Name));
            }
        }
        app.MapGet(OnlineMetricsEndpoint.Path, (HttpContext http, ApiPipeline pipeline, IResourceRegistry registry, IGrainFactory grains) =>
            pipeline.HandleExtensionAsync(http, "GetOnlineMetrics", (request, context) => OnlineMetricsEndpoint.ReadAsync(request, context, registry, grains)));
    }
}
