using System.Globalization;
using System.Text;

namespace Attune.Bench.Import;

/// <summary>
/// Writes realistic Personalize CSVs: Zipf-distributed users and items, increasing timestamps over 180 days with a
/// daily cycle, weighted event types (view ≫ click > cart > purchase) with event values, item metadata (genres,
/// category, price, creation time, quoted description) and user metadata.
/// </summary>
internal static class DatasetGenerator
{
    private const long Start = 1_700_000_000;
    private const long SpanSeconds = 180L * 24 * 3600;

    private static readonly string[] Genres =
        ["action", "comedy", "drama", "horror", "romance", "sci-fi", "documentary", "kids", "thriller", "music", "sports", "travel"];

    private static readonly string[] Categories = ["books", "electronics", "garden", "toys", "fashion", "grocery", "home", "beauty"];
    private static readonly (string Name, double Weight)[] EventTypes = [("view", 0.80), ("click", 0.13), ("cart", 0.05), ("purchase", 0.02)];
    private static readonly string[] Memberships = ["free", "basic", "premium"];

    public static void Write(BenchOptions options)
    {
        Directory.CreateDirectory(options.OutDirectory);
        var random = new Random(options.Seed);
        var prices = Enumerable.Range(0, options.Items).Select(_ => Math.Round(Math.Exp(random.NextDouble() * 5), 2)).ToArray();
        WriteItems(options, prices, random);
        WriteUsers(options, random);
        WriteInteractions(options, prices, random);
        Console.WriteLine($"wrote {options.Rows:N0} interactions, {options.Items:N0} items, {options.Users:N0} users to {options.OutDirectory}");
    }

    private static void WriteInteractions(BenchOptions options, double[] prices, Random random)
    {
        var users = new ZipfSampler(options.Users, 0.9);
        var items = new ZipfSampler(options.Items, 1.1);
        var userOfRank = Permutation(options.Users, random);
        var itemOfRank = Permutation(options.Items, random);
        using var writer = Open(Path.Combine(options.OutDirectory, "interactions.csv"));
        writer.Write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        var meanGap = (double)SpanSeconds / options.Rows;
        var time = (double)Start;
        for (var row = 0; row < options.Rows; row++)
        {
            // Fewer events at night: gaps stretch when the daily cycle is low.
            var hour = (time - Start) % 86_400 / 3_600;
            var activity = 1.0 + 0.7 * Math.Sin((hour - 9) / 24 * 2 * Math.PI);
            time += -Math.Log(1 - random.NextDouble()) * meanGap / activity;
            var item = itemOfRank[items.Next(random)];
            var eventType = PickEventType(random);
            writer.Write($"u{userOfRank[users.Next(random)]},i{item},{(long)time},{eventType},");
            writer.Write(EventValue(eventType, prices[item], random));
            writer.Write('\n');
        }
    }

    private static string EventValue(string eventType, double price, Random random) => eventType switch
    {
        "view" => random.NextDouble() < 0.05 ? string.Empty : Math.Round(random.NextDouble(), 3).ToString(CultureInfo.InvariantCulture),
        "click" => "1",
        "cart" => random.Next(1, 4).ToString(CultureInfo.InvariantCulture),
        _ => price.ToString(CultureInfo.InvariantCulture),
    };

    private static string PickEventType(Random random)
    {
        var draw = random.NextDouble();
        foreach (var (name, weight) in EventTypes)
        {
            if ((draw -= weight) < 0)
            {
                return name;
            }
        }

        return EventTypes[^1].Name;
    }

    private static void WriteItems(BenchOptions options, double[] prices, Random random)
    {
        using var writer = Open(Path.Combine(options.OutDirectory, "items.csv"));
        writer.Write("ITEM_ID,PRICE,GENRES,CATEGORY_L1,CREATION_TIMESTAMP,DESCRIPTION\n");
        for (var item = 0; item < options.Items; item++)
        {
            var genres = string.Join('|', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Genres[random.Next(Genres.Length)]).Distinct());
            var category = Categories[random.Next(Categories.Length)];
            var created = Start - random.NextInt64(0, 3 * SpanSeconds);
            var description = $"A {genres.Replace('|', ' ')} pick from {category}, rated \"\"{random.Next(1, 6)} stars\"\", item {item}";
            writer.Write($"i{item},{prices[item]},{genres},{category},{created},\"{description}\"\n");
        }
    }

    private static void WriteUsers(BenchOptions options, Random random)
    {
        using var writer = Open(Path.Combine(options.OutDirectory, "users.csv"));
        writer.Write("USER_ID,AGE,GENDER,MEMBERSHIP\n");
        for (var user = 0; user < options.Users; user++)
        {
            var gender = random.NextDouble() < 0.1 ? string.Empty : random.NextDouble() < 0.5 ? "F" : "M";
            writer.Write($"u{user},{random.Next(16, 80)},{gender},{Memberships[random.Next(Memberships.Length)]}\n");
        }
    }

    private static int[] Permutation(int n, Random random)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static StreamWriter Open(string path) => new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
}
