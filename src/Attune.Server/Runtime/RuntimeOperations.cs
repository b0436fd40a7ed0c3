using System.Text.Json;
using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Attune.Server.Attribution;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;

namespace Attune.Server.Runtime;

/// <summary>
/// GetRecommendations and GetPersonalizedRanking (personalize-runtime, restJson1): one call to the campaign's grain;
/// each answer is handed to the online metrics under the serving resource's ARN (campaignArn, or recommenderArn).
/// </summary>
internal sealed class RuntimeOperations(ICampaignServing campaigns, OnlineMetricsBuffer online) : IOperationFamily
{
    public void Register(OperationHandlers registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddWritten("GetRecommendations", RecommendAsync);
        registry.AddWritten("GetPersonalizedRanking", RankAsync);
    }

    private Task<IWireOutput> RecommendAsync(JsonElement input, CallContext context)
    {
        return ServeAsync(campaigns.RecommendAsync(RuntimeRequests.Recommendation(input)), RuntimeResponse.ItemList, ServingResource(input));
    }

    private Task<IWireOutput> RankAsync(JsonElement input, CallContext context)
    {
        return ServeAsync(campaigns.RankAsync(RuntimeRequests.Ranking(input)), RuntimeResponse.PersonalizedRanking, ServingResource(input));
    }

    private static string ServingResource(JsonElement input) =>
        input.OptionalString("campaignArn") ?? input.OptionalString("recommenderArn") ?? string.Empty;

    /// <summary>The answer as the wire output; the engine's refusals as the modeled errors.</summary>
    private async Task<IWireOutput> ServeAsync(Task<ServingAnswer> serving, string listMember, string resourceArn)
    {
        try
        {
            var answer = await serving;
            online.Served(resourceArn, answer);
            return new RuntimeResponse(answer, listMember);
        }
        catch (ServingException error)
        {
            throw new ApiException(error.ErrorCode, error.Message);
        }
    }
}
