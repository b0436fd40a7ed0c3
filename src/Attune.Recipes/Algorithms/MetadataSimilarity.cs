using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Algorithms;

/// <summary>
/// Content similarity from item metadata: TF-IDF cosine over categorical tokens (column=value, '|' splits
/// multi-values) and the words of the textual column. Tokens shared by more than <c>maxPosting</c> items
/// carry little information and are skipped to bound the cost.
/// </summary>
internal static class MetadataSimilarity
{
    public static SparseRows Build(ItemMetadata metadata, int itemCount, int neighbors, int maxPosting, CancellationToken cancellationToken)
    {
        var tokensByItem = new List<int>[itemCount];
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int item = 0; item < itemCount; item++)
        {
            var tokens = new HashSet<int>();
            foreach (string token in TokensOf(metadata, item))
            {
                if (!vocabulary.TryGetValue(token, out int id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(token, id);
                }

                tokens.Add(id);
            }

            tokensByItem[item] = [.. tokens];
        }

        var postings = new List<int>[vocabulary.Count];
        for (int t = 0; t < postings.Length; t++)
        {
            postings[t] = [];
        }

        for (int item = 0; item < itemCount; item++)
        {
            foreach (int token in tokensByItem[item])
            {
                postings[token].Add(item);
            }
        }

        var idf = postings.Select(p => MathF.Log(1 + (itemCount / (float)Math.Max(1, p.Count)))).ToArray();
        var norms = tokensByItem.Select(tokens => MathF.Sqrt(tokens.Sum(t => idf[t] * idf[t]))).ToArray();
        var rows = new (int[] Columns, float[] Values)[itemCount];
        Parallel.For(0, itemCount, new ParallelOptions { CancellationToken = cancellationToken },
            () => (Scores: new float[itemCount], Touched: new List<int>()),
            (item, _, scratch) =>
            {
                foreach (int token in tokensByItem[item])
                {
                    if (postings[token].Count > maxPosting)
                    {
                        continue;
                    }

                    float weight = idf[token] * idf[token];
                    foreach (int other in postings[token])
                    {
                        if (other == item)
                        {
                            continue;
                        }

                        if (scratch.Scores[other] == 0)
                        {
                            scratch.Touched.Add(other);
                        }

                        scratch.Scores[other] += weight;
                    }
                }

                var columns = new List<int>(scratch.Touched.Count);
                var values = new List<float>(scratch.Touched.Count);
                foreach (int other in scratch.Touched)
                {
                    columns.Add(other);
                    values.Add(scratch.Scores[other] / (norms[item] * norms[other]));
                    scratch.Scores[other] = 0;
                }

                scratch.Touched.Clear();
                rows[item] = SparseRowsBuilder.Best(columns, values, neighbors);
                return scratch;
            },
            _ => { });
        return SparseRowsBuilder.FromRows(rows);
    }

    private static IEnumerable<string> TokensOf(ItemMetadata metadata, int item)
    {
        foreach (var column in metadata.Categorical)
        {
            string? value = item < column.Values.Length ? column.Values[item] : null;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (string part in value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return column.Name + "=" + part.ToLowerInvariant();
            }
        }

        string? text = metadata.Text is { } texts && item < texts.Length ? texts[item] : null;
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (string word in text.ToLowerInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 3)
            {
                yield return "text:" + word;
            }
        }
    }

    private static readonly char[] WordSeparators = [' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\'', '-', '/', '\t', '\n', '\r'];
}
