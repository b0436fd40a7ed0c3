using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Serving;
using Attune.Grains.Serving.Actions;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>GetActionRecommendations (personalize-runtime, POST /action-recommendations) on an aws-next-best-action campaign.</summary>
public sealed class ActionRuntimeOperations(ActionRecommender actions) : IOperationFamily
{
    public void Register(OperationHandlers registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("GetActionRecommendations", RecommendAsync);
    }

    private async Task<JsonObject?> RecommendAsync(JsonElement input, CallContext context)
    {
        var query = new ActionQuery(
            input.OptionalString("campaignArn") ?? throw ApiErrors.InvalidInput("campaignArn is required."),
            input.OptionalString("userId"),
            input.OptionalInt("numResults") ?? ActionQuery.DefaultNumResults,
            input.OptionalString("filterArn"),
            RuntimeRequests.StringMap(input, "filterValues"));
        ActionAnswer answer;
        try
        {
            answer = await actions.RecommendAsync(query, context.Aborted);
        }
        catch (ServingException error)
        {
            throw new ApiException(error.ErrorCode, error.Message);
        }

        return new JsonObject
        {
            ["actionList"] = new JsonArray([.. answer.Actions.Select(a => (JsonNode)new JsonObject { ["actionId"] = a.ActionId, ["score"] = a.Score })]),
            ["recommendationId"] = answer.RecommendationId,
        };
    }
}
