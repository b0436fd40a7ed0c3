using System.Text.Json;
using Attune.Contracts.Batch;
using Attune.Contracts.Serving;
using Attune.Grains.Serving;
using Attune.Recipes.Catalog;

namespace Attune.Grains.Batch;

/// <summary>
/// Answers a batch inference input line with the runtime's own engine: the line becomes the GetRecommendations or
/// GetPersonalizedRanking query a client would send to a campaign on the job's deployment, so the answer is the same.
/// A line the engine refuses (or that is not a valid line) gets that error and the job goes on.
/// </summary>
internal static class BatchInferenceLines
{
    private static readonly string[] RecommendationMembers = ["userId", "itemId", "filterValues"];
    private static readonly string[] RankingMembers = ["userId", "itemList", "filterValues"];

    public static async Task<string> AnswerAsync(
        RecommendationEngine engine, string deploymentKey, RecipeType type, BatchInferenceChunk chunk, string line, CancellationToken cancellationToken)
    {
        if (BatchLine.Parse(line, out var error) is not { } input)
        {
            return BatchLine.Write(line, null, null, error);
        }
        var ranking = type == RecipeType.PersonalizedRanking;
        if (BatchLine.UnknownMember(input, ranking ? RankingMembers : RecommendationMembers) is { } unknown)
        {
            return BatchLine.Write(line, input, null,
                $"Unknown field {unknown}: a line of this job takes {string.Join(", ", ranking ? RankingMembers : RecommendationMembers)}.");
        }
        try
        {
            var answer = ranking
                ? await RankAsync(engine, deploymentKey, chunk, input, cancellationToken)
                : await RecommendAsync(engine, deploymentKey, chunk, input, cancellationToken);
            return answer is null
                ? BatchLine.Write(line, input, null, LineError(input, ranking))
                : BatchLine.Write(line, input, writer => WriteItems(writer, answer), null);
        }
        catch (ServingException refused)
        {
            return BatchLine.Write(line, input, null, refused.Message);
        }
    }

    private static async Task<ServingAnswer?> RecommendAsync(
        RecommendationEngine engine, string deploymentKey, BatchInferenceChunk chunk, JsonElement input, CancellationToken cancellationToken)
    {
        string? error = null;
        var query = new RecommendationQuery
        {
            CampaignArn = deploymentKey,
            UserId = BatchLine.String(input, "userId", ref error),
            ItemId = BatchLine.String(input, "itemId", ref error),
            NumResults = chunk.NumResults,
            FilterArn = chunk.FilterArn,
            FilterValues = BatchLine.StringMap(input, "filterValues", ref error),
        };
        return error is null ? await engine.RecommendAsync(query, cancellationToken) : throw ServingException.InvalidInput(error);
    }

    private static async Task<ServingAnswer?> RankAsync(
        RecommendationEngine engine, string deploymentKey, BatchInferenceChunk chunk, JsonElement input, CancellationToken cancellationToken)
    {
        string? error = null;
        var userId = BatchLine.String(input, "userId", ref error);
        if (!input.TryGetProperty("itemList", out var list) || list.ValueKind != JsonValueKind.Array
            || list.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String) || userId is null)
        {
            return null;
        }
        var query = new RankingQuery
        {
            CampaignArn = deploymentKey,
            UserId = userId,
            InputList = [.. list.EnumerateArray().Select(i => i.GetString()!)],
            FilterArn = chunk.FilterArn,
            FilterValues = BatchLine.StringMap(input, "filterValues", ref error),
        };
        return error is null ? await engine.RankAsync(query, cancellationToken) : throw ServingException.InvalidInput(error);
    }

    private static string LineError(JsonElement input, bool ranking) => !input.TryGetProperty("userId", out _)
        ? "userId is required: the solution version serves a PERSONALIZED_RANKING recipe."
        : ranking ? "itemList must be a list of item ids." : "The line could not be answered.";

    /// <summary>recommendedItems, then scores when the recipe scores (null for an item GetRecommendations gives no score).</summary>
    private static void WriteItems(Utf8JsonWriter writer, ServingAnswer answer)
    {
        writer.WriteStartArray("recommendedItems");
        foreach (var item in answer.Items)
        {
            writer.WriteStringValue(item.ItemId);
        }
        writer.WriteEndArray();
        if (!answer.Items.Any(i => i.Score is not null))
        {
            return;
        }
        writer.WriteStartArray("scores");
        foreach (var item in answer.Items)
        {
            if (item.Score is { } score)
            {
                writer.WriteNumberValue(score);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        writer.WriteEndArray();
    }
}
