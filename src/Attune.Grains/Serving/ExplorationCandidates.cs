using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>
/// Items young enough to explore (created within explorationItemAgeCutOff days of the data's newest event), with a
/// novelty of 1 / (1 + interactions): rarely seen items get the larger bonus, as Personalize describes it.
/// </summary>
public sealed class ExplorationCandidates
{
    private readonly int[] _slotOf;

    private ExplorationCandidates(int[] items, float[] novelty, int[] slotOf, BitSet? mask)
    {
        Items = items;
        Novelty = novelty;
        _slotOf = slotOf;
        Mask = mask;
    }

    public static ExplorationCandidates None { get; } = new([], [], [], null);

    /// <summary>The explored items as a set (shards leave them out of their main selection); null when none.</summary>
    public BitSet? Mask { get; }

    public int[] Items { get; }

    public float[] Novelty { get; }

    /// <summary>The item's position in <see cref="Items"/>, or -1 when it is not explored.</summary>
    public int SlotOf(int item) => (uint)item < (uint)_slotOf.Length ? _slotOf[item] : -1;

    public static ExplorationCandidates Create(ServedData data, double cutOffDays)
    {
        ArgumentNullException.ThrowIfNull(data);
        long oldest = data.LatestTimestamp - (long)(cutOffDays * 86400);
        var items = Enumerable.Range(0, data.CreatedAt.Length).Where(i => data.CreatedAt[i] >= oldest).ToArray();
        if (items.Length == 0)
        {
            return None;
        }
        var slotOf = new int[data.CreatedAt.Length];
        Array.Fill(slotOf, -1);
        var mask = new BitSet(data.CreatedAt.Length);
        for (int slot = 0; slot < items.Length; slot++)
        {
            slotOf[items[slot]] = slot;
            mask.Add(items[slot]);
        }
        var novelty = items.Select(i => 1f / (1 + data.InteractionCounts[i])).ToArray();
        return new ExplorationCandidates(items, novelty, slotOf, mask);
    }
}
