using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Attune.Grains.Serving;

/// <summary>
/// Issues recommendationIds (≤ 40 characters, the events model's limit) and remembers the newest ones with what
/// they returned, so an event citing one can be tied to its list (implicit impressions).
/// </summary>
public sealed class RecommendationLog(int capacity = RecommendationLog.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, RecordedRecommendation> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The campaign part of its ids: "-CID-" and 6 hex digits of the ARN's hash.</summary>
    public static string CampaignTag(string campaignArn) =>
        "-CID-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(campaignArn)).AsSpan(0, 3));

    /// <summary>RID-&lt;25 hex&gt;&lt;campaign tag&gt;: exactly 40 characters, like Personalize's newer ids.</summary>
    public static string NewId(string campaignTag)
    {
        Span<byte> random = stackalloc byte[13];
        RandomNumberGenerator.Fill(random);
        return string.Concat("RID-", Convert.ToHexStringLower(random).AsSpan(0, 25), campaignTag);
    }

    public void Record(string recommendationId, string campaignArn, string? userId, IReadOnlyList<PredictedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = new string[items.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = items[i].ItemId;
        }
        _byId[recommendationId] = new RecordedRecommendation(campaignArn, userId, ids);
        _order.Enqueue(recommendationId);
        while (_byId.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _byId.TryRemove(oldest, out _);
        }
    }

    public bool TryGet(string recommendationId, out RecordedRecommendation recommendation) =>
        _byId.TryGetValue(recommendationId, out recommendation!);
}

/// <summary>What a recommendationId stood for: the campaign, the user and the item ids in the order returned.</summary>
public sealed record RecordedRecommendation(string CampaignArn, string? UserId, IReadOnlyList<string> ItemIds);
