using Attune.Contracts.Serving.Shards;
using Attune.Recipes.Data;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// Between the recipes' <see cref="ModelHistory"/> and the <see cref="ShardRequestHistory"/> message (plain arrays, so
/// Contracts needs no Recipes).
/// </summary>
public static class ShardHistories
{
    public static ModelHistory ToUserHistory(this ShardRequestHistory history) =>
        new(history.Items, default, history.EventTypes, history.EventValues);

    public static ShardRequestHistory ToShardHistory(this in ModelHistory history, string? userId, long stamp) => new()
    {
        UserId = userId,
        Stamp = stamp,
        Items = history.Items.ToArray(),
        EventTypes = history.EventTypes.ToArray(),
        EventValues = history.EventValues.ToArray(),
    };
}
