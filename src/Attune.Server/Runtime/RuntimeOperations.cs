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

    private Task<JsonObject?> RecommendAsync(JsonElement input, CallContext context) =>
        ServeAsync(engine.RecommendAsync(RuntimeRequests.Recommendation(input), context.Aborted), RuntimeResponses.ItemList);

    private Task<JsonObject?> RankAsync(JsonElement input, CallContext context) =>
        ServeAsync(engine.RankAsync(RuntimeRequests.Ranking(input), context.Aborted), RuntimeResponses.PersonalizedRanking);

    /// <summary>The result as the wire output; the engine's refusals as the modeled errors.</summary>
    private static async Task<JsonObject?> ServeAsync(ValueTask<ServingResult> serving, string listMember)
    {
        try
        {
            return RuntimeResponses.ToJson(await serving, listMember);
        }
        catch (ServingException error)
        {
            throw new ApiException(error.ErrorCode, error.Message);
        }
    }
}
