using Attune.Contracts.Serving.Shards;
using Attune.Recipes.Data;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// Between the recipes' <see cref="UserHistory"/> and the <see cref="ShardHistory"/> message (plain arrays, so
/// Contracts needs no Recipes).
/// </summary>
public static class ShardHistories
{
    public static UserHistory ToUserHistory(this ShardHistory history) =>
        new(history.Items, default, history.EventTypes, history.EventValues);

    public static ShardHistory ToShardHistory(this in UserHistory history, string? userId, long stamp) => new()
    {
        UserId = userId,
        Stamp = stamp,
        Items = history.Items.ToArray(),
        EventTypes = history.EventTypes.ToArray(),
        EventValues = history.EventValues.ToArray(),
    };
}
