namespace Attune.Grains.Serving;

/// <summary>
/// Cold-start neighbours: for each item the model does not know, the model items sharing the most categorical
/// metadata values with it (columns split at '|', as GENRES "Action|Comedy"), ties to the lower index. A new
/// item's score for a user is then its neighbours' mean score.
/// </summary>
internal static class MetadataNeighbors
{
    public static int[][] Find(EntityAttributes items, int modelItemCount, int itemCount, int neighbors)
    {
        var result = new int[itemCount - modelItemCount][];
        if (result.Length == 0)
        {
            return result;
        }
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int item = 0; item < modelItemCount; item++)
        {
            foreach (var token in items.TokensOf(item))
            {
                if (!postings.TryGetValue(token, out var list))
                {
                    postings[token] = list = [];
                }
                list.Add(item);
            }
        }
        var shared = new Dictionary<int, int>();
        for (int item = modelItemCount; item < itemCount; item++)
        {
            shared.Clear();
            foreach (var token in items.TokensOf(item))
            {
                foreach (var other in postings.GetValueOrDefault(token) ?? [])
                {
                    shared[other] = shared.GetValueOrDefault(other) + 1;
                }
            }
            result[item - modelItemCount] = [.. shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(neighbors).Select(p => p.Key)];
        }
        return result;
    }
}
