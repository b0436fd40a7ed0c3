using System.Text.Json;
using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>GetRecommendations and GetPersonalizedRanking (personalize-runtime, restJson1): one call to the campaign's grain.</summary>
public sealed class RuntimeOperations(ICampaignServing campaigns) : IOperationFamily
{
    public void Register(OperationHandlers registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddWritten("GetRecommendations", RecommendAsync);
        registry.AddWritten("GetPersonalizedRanking", RankAsync);
    }

    private Task<IWireOutput> RecommendAsync(JsonElement input, CallContext context)
    {
        return ServeAsync(campaigns.RecommendAsync(RuntimeRequests.Recommendation(input)), RuntimeResponse.ItemList);
    }

    private Task<IWireOutput> RankAsync(JsonElement input, CallContext context)
    {
        return ServeAsync(campaigns.RankAsync(RuntimeRequests.Ranking(input)), RuntimeResponse.PersonalizedRanking);
    }

    /// <summary>The answer as the wire output; the engine's refusals as the modeled errors.</summary>
    private static async Task<IWireOutput> ServeAsync(Task<ServingAnswer> serving, string listMember)
    {
        try
        {
            return new RuntimeResponse(await serving, listMember);
        }
        catch (ServingException error)
        {
            throw new ApiException(error.ErrorCode, error.Message);
        }
    }
}
