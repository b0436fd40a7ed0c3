namespace Attune.Grains.Serving;

/// <summary>The dataset group's data as a served model sees it, aligned to the model's item indices.</summary>
public sealed class ServedData
{
    public required string DatasetGroupArn { get; init; }

    /// <summary>The highest put-log sequence the data contains: live events after it are not in the model's histories.</summary>
    public required long LiveWatermark { get; init; }

    /// <summary>Item id → model index (the first index when an id repeats).</summary>
    public required IReadOnlyDictionary<string, int> ItemIndex { get; init; }

    /// <summary>Items metadata (filters on Items, metadataColumns); empty when the group has no Items dataset.</summary>
    public required EntityAttributes Items { get; init; }

    /// <summary>Users metadata (IF CurrentUser ...), rows as <see cref="UserRows"/> says.</summary>
    public required EntityAttributes Users { get; init; }

    public required IReadOnlyDictionary<string, int> UserRows { get; init; }

    public required UserHistories Histories { get; init; }

    /// <summary>Epoch seconds each item became available: CREATION_TIMESTAMP, else its first interaction.</summary>
    public required long[] CreatedAt { get; init; }

    /// <summary>Interactions per item (exploration favours items that have few).</summary>
    public required int[] InteractionCounts { get; init; }

    /// <summary>The newest interaction's timestamp: "now" for item ages, so historical datasets explore like live ones.</summary>
    public required long LatestTimestamp { get; init; }
}
