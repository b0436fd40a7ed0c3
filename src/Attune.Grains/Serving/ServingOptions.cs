using Attune.Grains.Serving.Shards;

namespace Attune.Grains.Serving;

/// <summary>Serving knobs (configuration section Attune:Serving).</summary>
public sealed class ServingOptions
{
    public const string Section = "Attune:Serving";

    /// <summary>S: how many model shards (ModelShardGrains, each scoring 1/S of the items) a request fans out to.</summary>
    public int Shards { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Fewer shards than <see cref="Shards"/> when the catalogue is small: never shards of fewer items than this, since
    /// a shard's grain call costs more than scanning a few thousand items.
    /// </summary>
    public int MinShardItems { get; set; } = 16_384;

    /// <summary>
    /// Interactions filters (<c>Interactions.EVENT_TYPE IN (...)</c>) read the user's whole stored and live history when
    /// null (the default); 100 restores Personalize's cap, the newest 100 interactions of each event type.
    /// </summary>
    public int? InteractionsPerEventTypeCap { get; set; }

    /// <summary>
    /// Action_Interactions filters read the user's whole action history when null (the default); 300 restores Personalize's
    /// window, the newest 300 action interactions of each event type.
    /// </summary>
    public int? ActionInteractionsPerEventTypeCap { get; set; }

    /// <summary>The shards a model of <paramref name="itemCount"/> items is served by.</summary>
    public int ShardCountFor(int itemCount) => ShardRange.CountFor(Shards, itemCount, MinShardItems);
}
