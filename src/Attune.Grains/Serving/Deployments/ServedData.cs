namespace Attune.Grains.Serving;

/// <summary>The dataset group's interactions as a served model sees them, aligned to the model's item indices.</summary>
public sealed class ServedData
{
    public required string DatasetGroupArn { get; init; }

    /// <summary>The highest event-log sequence the data contains: live events after it are not in the model's histories.</summary>
    public required long LiveWatermark { get; init; }

    public required StoredHistories Histories { get; init; }

    /// <summary>First interaction and count per model item (item ages for exploration, kept for catalogue rebuilds).</summary>
    public required ItemActivity Activity { get; init; }
}
