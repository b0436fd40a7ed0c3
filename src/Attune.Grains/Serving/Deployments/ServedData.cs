using Attune.Storage.Datasets;

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

    /// <summary>The newest entry of the group's deletion log these histories reflect: later deleted users are still in them.</summary>
    public long DeletionWatermark { get; init; }

    /// <summary>
    /// The same data without the histories of users deleted since <see cref="DeletionWatermark"/>: served models stop
    /// using them at once (their requests become cold-start), without reading the interactions again.
    /// </summary>
    public ServedData Without(DeletedUsers deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        return new ServedData
        {
            DatasetGroupArn = DatasetGroupArn,
            LiveWatermark = LiveWatermark,
            Histories = Histories.Without(deleted.UserIds),
            Activity = Activity,
            DeletionWatermark = deleted.Watermark,
        };
    }
}
