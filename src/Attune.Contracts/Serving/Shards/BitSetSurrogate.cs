using Attune.Filters;

namespace Attune.Contracts.Serving.Shards;

/// <summary>A bit set as it crosses silos: its length and words (same-silo calls pass the set itself).</summary>
[GenerateSerializer, Alias("attune.BitSet")]
public struct BitSetSurrogate
{
    [Id(0)]
    public int Length;

    [Id(1)]
    public ulong[] Words;
}

[RegisterConverter]
public sealed class BitSetConverter : IConverter<BitSet, BitSetSurrogate>
{
    public BitSet ConvertFromSurrogate(in BitSetSurrogate surrogate) => BitSet.FromWords(surrogate.Length, surrogate.Words);

    public BitSetSurrogate ConvertToSurrogate(in BitSet value) => new() { Length = value.Length, Words = value.Words.ToArray() };
}
