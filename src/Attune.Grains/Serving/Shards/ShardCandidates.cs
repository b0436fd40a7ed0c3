using System.Runtime.CompilerServices;
using Attune.Filters;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving.Shards;

/// <summary>
/// Candidates of a shard's local indices (global = local + offset): allowed by the filter (all when null), not the
/// query item.
/// </summary>
internal readonly struct ShardCandidates(BitSet? allowed, int queryItem, int offset) : ICandidates
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int item)
    {
        int global = item + offset;
        return global != queryItem && (allowed is null || allowed.Contains(global));
    }
}
