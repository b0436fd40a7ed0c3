using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Grains.Serving;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>GetRecommendations and GetPersonalizedRanking (personalize-runtime, restJson1) over the serving engine.</summary>
public sealed class RuntimeOperations(RecommendationEngine engine) : IOperationFamily
{
    public void Register(OperationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("GetRecommendations", RecommendAsync);
        registry.Add("GetPersonalizedRanking", RankAsync);
    }

    private async Task<JsonObject?> RecommendAsync(JsonElement input, CallContext context)
    {
        var query = RuntimeRequests.Recommendation(input);
        try
        {
            return RuntimeResponses.ToJson(await engine.RecommendAsync(query, context.Aborted), RuntimeResponses.ItemList);
        }
        catch (ServingException error)
        {
            throw new ApiException(error.ErrorCode, error.Message);
        }
    }

    private async Task<JsonObject?> RankAsync(JsonElement input, CallContext context)
    {
        var query = RuntimeRequests.Ranking(input);
        try
        {
            return RuntimeResponses.ToJson(await engine.RankAsync(query, context.Aborted), RuntimeResponses.PersonalizedRanking);
        }
        catch (ServingException error)
        {
            throw new ApiException(error.ErrorCode, error.Message);
        }
    }
}
