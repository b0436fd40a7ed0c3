using System.Runtime.CompilerServices;
using Attune.Filters;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving;

/// <summary>Which items a selection may return: those the filter allows (all when null) minus the excluded ones.</summary>
internal readonly struct Candidates(BitSet? allowed, BitSet? excluded) : ICandidates
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int item) => (allowed is null || allowed.Contains(item)) && (excluded is null || !excluded.Contains(item));
}
