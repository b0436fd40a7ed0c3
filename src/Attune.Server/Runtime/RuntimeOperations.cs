using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Grains.Serving;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>GetRecommendations and GetPersonalizedRanking (personalize-runtime, restJson1): one call to the campaign's grain.</summary>
public sealed class RuntimeOperations(ICampaignServing campaigns) : IOperationFamily
{
    public void Register(OperationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("GetRecommendations", RecommendAsync);
        registry.Add("GetPersonalizedRanking", RankAsync);
    }

    private Task<JsonObject?> RecommendAsync(JsonElement input, CallContext context)
    {
        return ServeAsync(campaigns.RecommendAsync(RuntimeRequests.Recommendation(input)), RuntimeResponses.ItemList);
    }

    private Task<JsonObject?> RankAsync(JsonElement input, CallContext context)
    {
        return ServeAsync(campaigns.RankAsync(RuntimeRequests.Ranking(input)), RuntimeResponses.PersonalizedRanking);
    }

    /// <summary>The answer as the wire output; the engine's refusals as the modeled errors.</summary>
    private static async Task<JsonObject?> ServeAsync(Task<ServingAnswer> serving, string listMember)
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
