using Orleans.Concurrency;

namespace Attune.Contracts.Live;

/// <summary>
/// One item's live activity in one dataset group (key: <c>&lt;datasetGroupArn&gt;|&lt;itemId&gt;</c>): the interactions
/// and impressions PutEvents reported since the grain's state began, which exploration uses to favour items seen less.
/// </summary>
[Alias("attune.IItemGrain")]
public interface IItemGrain : IGrainWithStringKey
{
    [Alias("Record"), OneWay]
    Task RecordAsync(int interactions, int impressions);

    [Alias("Activity"), ReadOnly, AlwaysInterleave]
    ValueTask<LiveItemActivity> GetActivityAsync();
}

/// <summary>Counts of live events naming an item: as the event's item, and in impression lists.</summary>
[GenerateSerializer, Immutable, Alias("attune.LiveItemActivity")]
public readonly record struct LiveItemActivity([property: Id(0)] int Interactions, [property: Id(1)] int Impressions);

/// <summary>Builds ItemGrain keys.</summary>
public static class ItemGrainKey
{
    public static string For(string datasetGroupArn, string itemId) => datasetGroupArn + "|" + itemId;
}
