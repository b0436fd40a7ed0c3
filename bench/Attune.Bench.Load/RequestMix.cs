using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.Bench.Load;

/// <summary>
/// Pre-serialized GetRecommendations bodies drawn from the real user ids (seeded, so runs compare), a share of them
/// with the genre filter and one genre as its value.
/// </summary>
internal sealed class RequestMix
{
    private readonly byte[][] _bodies;

    public RequestMix(BenchCampaign campaign, double filterShare, int count = 4096)
    {
        var random = new Random(42);
        Queries = [.. Enumerable.Range(0, count).Select(_ => Query(campaign, filterShare, random))];
        _bodies = [.. Queries.Select(q => JsonSerializer.SerializeToUtf8Bytes(q))];
    }

    public IReadOnlyList<JsonObject> Queries { get; }

    public byte[] Body(long sequence) => _bodies[sequence % _bodies.Length];

    private static JsonObject Query(BenchCampaign campaign, double filterShare, Random random)
    {
        var query = new JsonObject
        {
            ["campaignArn"] = campaign.CampaignArn,
            ["userId"] = campaign.UserIds[random.Next(campaign.UserIds.Count)],
            ["numResults"] = 25,
        };
        if (random.NextDouble() < filterShare)
        {
            query["filterArn"] = campaign.FilterArn;
            query["filterValues"] = new JsonObject { ["GENRES"] = $"\"{campaign.Genres[random.Next(campaign.Genres.Count)]}\"" };
        }
        return query;
    }
}
