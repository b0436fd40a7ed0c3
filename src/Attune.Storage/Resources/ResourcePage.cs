namespace Attune.Storage.Resources;

/// <summary>One page of a List query; <see cref="NextSequence"/> is null on the last page.</summary>
public sealed record ResourcePage(IReadOnlyList<ResourceRecord> Items, long? NextSequence)
{
    /// <summary>
    /// The page from up to <paramref name="maxResults"/> + 1 rows read in sequence order: the extra row only says a
    /// next page exists, which then starts after the last row kept.
    /// </summary>
    public static ResourcePage From(List<ResourceRecord> rows, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count <= maxResults)
        {
            return new ResourcePage(rows, null);
        }
        rows.RemoveRange(maxResults, rows.Count - maxResults);
        return new ResourcePage(rows, rows[^1].Sequence);
    }
}
