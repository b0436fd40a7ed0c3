namespace Attune.Grains.Serving;

/// <summary>
/// Top-k over item shards: each shard (a contiguous 1/S of the item indices) keeps its best k in a bounded heap,
/// then the S sorted lists merge. Order: score descending, ties to the lower item index, NaN never selected.
/// Large catalogues scan their shards in parallel.
/// </summary>
internal static class ShardedTopK
{
    /// <summary>Below this many items one core scans faster than a fan-out costs.</summary>
    public const int ParallelThreshold = 1 << 17;

    /// <summary>Writes the best items (best first) into <paramref name="destination"/>; returns how many were found.</summary>
    public static int Select(float[] scores, int itemCount, Candidates candidates, int shards, Span<int> destination, int[] shardBuffer)
    {
        int k = destination.Length;
        if (k == 0 || itemCount == 0)
        {
            return 0;
        }
        shards = Math.Clamp(shards, 1, Math.Max(1, itemCount / 64));
        Span<int> found = stackalloc int[shards];
        if (shards > 1 && itemCount >= ParallelThreshold)
        {
            var counts = new int[shards];
            Parallel.For(0, shards, s =>
                counts[s] = SelectShard(scores, itemCount, candidates, s, shards, shardBuffer.AsSpan(s * k, k)));
            counts.CopyTo(found);
        }
        else
        {
            for (int s = 0; s < shards; s++)
            {
                found[s] = SelectShard(scores, itemCount, candidates, s, shards, shardBuffer.AsSpan(s * k, k));
            }
        }
        return Merge(scores, shardBuffer, k, found, destination);
    }

    private static int SelectShard(float[] scores, int itemCount, Candidates candidates, int shard, int shards, Span<int> destination)
    {
        int start = (int)((long)itemCount * shard / shards);
        int end = (int)((long)itemCount * (shard + 1) / shards);
        return BoundedHeap.Select(scores, start, end, candidates, destination);
    }

    /// <summary>k-way merge of the shards' sorted lists.</summary>
    private static int Merge(float[] scores, int[] shardBuffer, int k, ReadOnlySpan<int> found, Span<int> destination)
    {
        Span<int> heads = stackalloc int[found.Length];
        heads.Clear();
        int written = 0;
        while (written < destination.Length)
        {
            int bestShard = -1;
            for (int s = 0; s < found.Length; s++)
            {
                if (heads[s] < found[s] && (bestShard < 0
                    || BoundedHeap.Better(shardBuffer[(s * k) + heads[s]], shardBuffer[(bestShard * k) + heads[bestShard]], scores)))
                {
                    bestShard = s;
                }
            }
            if (bestShard < 0)
            {
                break;
            }
            destination[written++] = shardBuffer[(bestShard * k) + heads[bestShard]++];
        }
        return written;
    }
}
