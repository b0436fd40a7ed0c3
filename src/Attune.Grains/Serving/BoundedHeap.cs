using System.Runtime.CompilerServices;

namespace Attune.Grains.Serving;

/// <summary>Bounded top-k selection over an index range: a min-heap of the best k, heap-sorted at the end.</summary>
internal static class BoundedHeap
{
    /// <summary>True when item a ranks before item b: higher score, or equal score and lower index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Better(int a, int b, ReadOnlySpan<float> scores) => scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    /// <summary>The best candidates in [start, end) into <paramref name="heap"/> (best first); returns how many.</summary>
    public static int Select(ReadOnlySpan<float> scores, int start, int end, Candidates candidates, Span<int> heap)
    {
        int k = heap.Length;
        int size = 0;
        for (int item = start; item < end; item++)
        {
            float score = scores[item];
            if (float.IsNaN(score) || (size == k && !Better(item, heap[0], scores)) || !candidates.Contains(item))
            {
                continue;
            }
            if (size < k)
            {
                heap[size] = item;
                SiftUp(heap, size, scores);
                size++;
            }
            else
            {
                heap[0] = item;
                SiftDown(heap, 0, size, scores);
            }
        }
        for (int last = size - 1; last > 0; last--)
        {
            (heap[0], heap[last]) = (heap[last], heap[0]);
            SiftDown(heap, 0, last, scores);
        }
        return size;
    }

    private static void SiftUp(Span<int> heap, int index, ReadOnlySpan<float> scores)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!Better(heap[parent], heap[index], scores))
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
            if (left + 1 < size && Better(heap[left], heap[left + 1], scores))
            {
                worst = left + 1;
            }
            if (!Better(heap[index], heap[worst], scores))
            {
                return;
            }
            (heap[index], heap[worst]) = (heap[worst], heap[index]);
            index = worst;
        }
    }
}
