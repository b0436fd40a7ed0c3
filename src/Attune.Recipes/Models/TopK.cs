namespace Attune.Recipes.Models;

/// <summary>Bounded top-k selection: score descending, ties to the lower item index.</summary>
public static class TopK
{
    /// <summary>Writes the best items into <paramref name="destination"/> (best first) and returns how many.</summary>
    public static int Select(ReadOnlySpan<float> scores, Span<int> destination, Func<int, bool>? isCandidate = null)
    {
        int k = destination.Length;
        if (k == 0)
        {
            return 0;
        }

        // Min-heap of the current best k; root is the worst kept item.
        int size = 0;
        for (int item = 0; item < scores.Length; item++)
        {
            float score = scores[item];
            if (float.IsNaN(score) || (size == k && !Better(item, score, destination[0], scores)))
            {
                continue;
            }

            if (isCandidate is not null && !isCandidate(item))
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
        for (int end = size - 1; end > 0; end--)
        {
            (destination[0], destination[end]) = (destination[end], destination[0]);
            SiftDown(destination, 0, end, scores);
        }

        return size;
    }

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
