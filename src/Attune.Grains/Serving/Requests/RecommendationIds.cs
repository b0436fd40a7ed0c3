using System.Security.Cryptography;
using System.Text;

namespace Attune.Grains.Serving;

/// <summary>Issues recommendationIds (≤ 40 characters, the events model's limit) that name their campaign.</summary>
public static class RecommendationIds
{
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
}
