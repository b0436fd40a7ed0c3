using System.Globalization;
using System.Text;
using Attune.Recipes.Data;

namespace Attune.Bench.Accuracy;

/// <summary>Loads a Personalize-shaped dataset folder (interactions.csv, optional items.csv) into index arrays.</summary>
internal static class CsvDataset
{
    public static InteractionData Load(string folder)
    {
        using var lines = File.ReadLines(Path.Combine(folder, "interactions.csv"), Encoding.UTF8).GetEnumerator();
        lines.MoveNext();
        var header = SplitLine(lines.Current);
        int cUser = header.IndexOf("USER_ID"), cItem = header.IndexOf("ITEM_ID"), cTime = header.IndexOf("TIMESTAMP");
        int cType = header.IndexOf("EVENT_TYPE"), cValue = header.IndexOf("EVENT_VALUE");
        var builder = new InteractionDataBuilder();
        while (lines.MoveNext())
        {
            if (lines.Current.Length == 0)
            {
                continue;
            }

            var f = SplitLine(lines.Current);
            builder.Add(f[cUser], f[cItem], (long)double.Parse(f[cTime], CultureInfo.InvariantCulture),
                cType >= 0 ? f[cType] : null,
                cValue >= 0 && f[cValue].Length > 0 ? float.Parse(f[cValue], CultureInfo.InvariantCulture) : float.NaN);
        }

        return builder.Build(LoadItems(Path.Combine(folder, "items.csv"), builder));
    }

    /// <summary>Items of items.csv not seen in interactions get indices after them (first appearance order is kept).</summary>
    private static ItemMetadata? LoadItems(string path, InteractionDataBuilder builder)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var rows = File.ReadLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(SplitLine).ToList();
        var header = rows[0];
        int cItem = header.IndexOf("ITEM_ID"), cGenres = header.IndexOf("GENRES"), cTitle = header.IndexOf("TITLE");
        int cCreated = header.IndexOf("CREATION_TIMESTAMP");
        foreach (var row in rows.Skip(1))
        {
            builder.AddItem(row[cItem]);
        }

        var genres = new string?[builder.ItemCount];
        var titles = new string?[builder.ItemCount];
        var created = new long?[builder.ItemCount];
        foreach (var row in rows.Skip(1))
        {
            int item = builder.AddItem(row[cItem]);
            genres[item] = cGenres >= 0 && row[cGenres].Length > 0 ? row[cGenres] : null;
            titles[item] = cTitle >= 0 ? row[cTitle] : null;
            created[item] = cCreated >= 0 && row[cCreated].Length > 0 ? long.Parse(row[cCreated], CultureInfo.InvariantCulture) : null;
        }

        return new ItemMetadata { Categorical = [new CategoricalColumn("GENRES", genres)], Text = titles, CreationTimestamps = created };
    }

    /// <summary>One RFC 4180 record on one line: commas split fields, double quotes quote, "" escapes a quote.</summary>
    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int k = 0; k < line.Length; k++)
        {
            char c = line[k];
            if (quoted)
            {
                if (c == '"' && k + 1 < line.Length && line[k + 1] == '"')
                {
                    current.Append('"');
                    k++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
