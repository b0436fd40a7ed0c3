namespace Attune.Recipes.Models;

/// <summary>Bounded top-k selection: score descending, ties to the lower item index.</summary>
public static class TopK
{
    /// <summary>Writes the best items into <paramref name="destination"/> (best first) and returns how many.</summary>
    public static int Select(ReadOnlySpan<float> scores, Span<int> destination, Func<int, bool>? isCandidate = null)
        => Select(scores, 0, scores.Length, new PredicateCandidates(isCandidate), destination);

    /// <summary>
    /// The best candidates among items [start, end) into <paramref name="destination"/> (best first); returns how many.
    /// A struct filter keeps the per-item test free of delegate calls (serving scans shards with it).
    /// </summary>
    public static int Select<TCandidates>(ReadOnlySpan<float> scores, int start, int end, TCandidates candidates, Span<int> destination)
        where TCandidates : struct, ICandidates
    {
        int k = destination.Length;
        if (k == 0)
        {
            return 0;
        }

        // Min-heap of the current best k; root is the worst kept item.
        int size = 0;
        for (int item = start; item < end; item++)
        {
            float score = scores[item];
            if (float.IsNaN(score) || (size == k && !Better(item, score, destination[0], scores)))
            {
                continue;
            }

            if (!candidates.Contains(item))
            {
                continue;
            }

            if (size < k)
            {
                destination[size] = item;
                SiftUp(destination, size, scores);
                size++;
            }
            else
            {
                destination[0] = item;
                SiftDown(destination, 0, size, scores);
            }
        }

        // Heap-sort in place: repeatedly move the worst to the end.
        for (int last = size - 1; last > 0; last--)
        {
            (destination[0], destination[last]) = (destination[last], destination[0]);
            SiftDown(destination, 0, last, scores);
        }

        return size;
    }

    /// <summary>True when item a ranks before item b: higher score, or the same score and a lower index.</summary>
    public static bool RanksBefore(int a, int b, ReadOnlySpan<float> scores) => Better(a, scores[a], b, scores);

    public static int[] Select(ReadOnlySpan<float> scores, int count, Func<int, bool>? isCandidate = null)
    {
        var buffer = new int[Math.Min(count, scores.Length)];
        int found = Select(scores, buffer, isCandidate);
        return found == buffer.Length ? buffer : buffer[..found];
    }

    private static bool Better(int a, float scoreA, int b, ReadOnlySpan<float> scores)
    {
        float scoreB = scores[b];
        return scoreA > scoreB || (scoreA == scoreB && a < b);
    }

    private static void SiftUp(Span<int> heap, int index, ReadOnlySpan<float> scores)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!Better(heap[parent], scores[heap[parent]], heap[index], scores))
            {
                break;
            }

            (heap[parent], heap[index]) = (heap[index], heap[parent]);
            index = parent;
        }
    }

    private static void SiftDown(Span<int> heap, int index, int size, ReadOnlySpan<float> scores)
    {
        while (true)
        {
            int left = (2 * index) + 1;
            if (left >= size)
            {
                return;
            }

            int worst = left;
            int right = left + 1;
            if (right < size && Better(heap[left], scores[heap[left]], heap[right], scores))
            {
                worst = right;
            }

            if (!Better(heap[index], scores[heap[index]], heap[worst], scores))
            {
                return;
            }

            (heap[index], heap[worst]) = (heap[worst], heap[index]);
            index = worst;
        }
    }
}

/// <summary>Which items a top-k selection may return.</summary>
public interface ICandidates
{
    bool Contains(int item);
}

/// <summary>Candidates given by an optional predicate (null: every item).</summary>
internal readonly struct PredicateCandidates(Func<int, bool>? isCandidate) : ICandidates
{
    public bool Contains(int item) => isCandidate is null || isCandidate(item);
}
