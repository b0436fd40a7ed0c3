using Attune.Filters;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.WebConsole;

/// <summary>
/// POST /console/api/validate-filter: the filter editor's as-you-type check, by the server's own parser (and, with a
/// dataset group, the same schema check as CreateFilter). The position is the 1-based character position the message names,
/// as in every Personalize-style filter message (the editor turns it into an offset).
/// </summary>
internal static class ValidateFilterEndpoint
{
    public static void MapValidateFilter(this IEndpointRouteBuilder api) => api.MapPost("/validate-filter",
        async (HttpContext http, ConsoleCaller caller, Resources resources, FilterExpressionCheck expressions) =>
        {
            if (caller.AccountOf(http.Request) is not { } account)
            {
                return ConsoleResults.NotSignedIn();
            }
            if (await ConsoleJsonBody.ReadAsync<Request>(http) is not { FilterExpression: { } text } request)
            {
                return ConsoleResults.Error(400, "The body must be JSON {\"filterExpression\": \"...\", \"datasetGroupArn\": \"...\" (optional)}.");
            }
            try
            {
                if (string.IsNullOrEmpty(request.DatasetGroupArn))
                {
                    FilterExpression.Parse(text);
                }
                else
                {
                    var context = caller.Context(http, account);
                    var group = await resources.GetAsync(request.DatasetGroupArn, ResourceKinds.DatasetGroup, context); // of this account
                    await expressions.CheckAsync(text, group.Arn, context);
                }
                return Results.Json(new { valid = true });
            }
            catch (FilterExpressionException error)
            {
                return Results.Json(new { valid = false, message = error.Message, position = error.Position, length = error.Length });
            }
            catch (ApiException error) when (error.ErrorCode == "ResourceNotFoundException")
            {
                return ConsoleResults.Error(404, error.Message);
            }
        });

    private sealed record Request(string? FilterExpression, string? DatasetGroupArn);
}
