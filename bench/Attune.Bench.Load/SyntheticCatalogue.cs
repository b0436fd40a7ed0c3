using System.Globalization;

namespace Attune.Bench.Load;

/// <summary>
/// A generated catalogue of N items: every item seen once by a "sweep" user (so the model knows all of them), plus
/// Zipf-distributed interactions of 20,000 users (30 each), and an items file with one of 18 genres per item. Items
/// are a year older than the interactions, or with <c>young</c> all created within the two days before the newest
/// interaction (a new shop: every item is within the default 30-day exploration cut-off).
/// </summary>
internal static class SyntheticCatalogue
{
    private static readonly string[] Genres =
        ["Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
         "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"];

    public static (string Interactions, string Items) Write(string folder, int items, bool young = false)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(3);
        long now = 1_700_000_000;
        var interactions = Path.Combine(folder, "interactions.csv");
        using (var writer = new StreamWriter(interactions))
        {
            writer.WriteLine("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE");
            for (int item = 0; item < items; item++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sweep{item % 1000},s{item},{now - 86400 * 400 + item},view,1"));
            }
            for (int user = 0; user < 20_000; user++)
            {
                for (int k = 0; k < 30; k++)
                {
                    int item = (int)Math.Min(items - 1, Math.Pow(random.NextDouble(), 3) * items);
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"user{user},s{item},{now - 86400 * 30 + user * 60 + k},view,1"));
                }
            }
        }
        long newest = now - (86400 * 30) + (19_999 * 60) + 29;
        var itemsPath = Path.Combine(folder, "items.csv");
        using (var writer = new StreamWriter(itemsPath))
        {
            writer.WriteLine("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP");
            for (int item = 0; item < items; item++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"s{item},Item {item},{Genres[item % Genres.Length]},{(young ? newest - (2L * 86400 * (items - item) / items) : now - (86400 * 400))}"));
            }
        }
        return (interactions, itemsPath);
    }
}
