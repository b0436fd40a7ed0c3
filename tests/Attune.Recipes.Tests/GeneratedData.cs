using Attune.Recipes.Data;

namespace Attune.Recipes.Tests;

/// <summary>Seeded synthetic interaction sets with a known kind of signal (the small cousins of tools/generate-*.py).</summary>
internal static class GeneratedData
{
    /// <summary>Users walk item chains: after item i comes one of its two successors, mostly the first.</summary>
    public static InteractionData Chains(int users, int items, int seed)
    {
        var random = new Random(seed);
        var successors = Enumerable.Range(0, items).Select(_ => new[] { random.Next(items), random.Next(items) }).ToArray();
        var builder = new InteractionDataBuilder();
        for (int user = 0; user < users; user++)
        {
            int item = random.Next(items);
            int length = 4 + random.Next(8);
            for (int step = 0; step < length; step++)
            {
                builder.Add($"u{user}", $"i{item}", 1_000_000 + (user * 100) + step, "view", float.NaN);
                item = random.NextDouble() < 0.8 ? successors[item][random.NextDouble() < 0.75 ? 0 : 1] : random.Next(items);
            }
        }

        return builder.Build();
    }

    /// <summary>Each user draws items from two of the topics, in random time order; items are spread evenly over topics.</summary>
    public static InteractionData Topics(int users, int items, int topics, int seed)
    {
        var random = new Random(seed);
        var builder = new InteractionDataBuilder();
        for (int user = 0; user < users; user++)
        {
            int first = random.Next(topics);
            int second = random.Next(topics);
            int count = 3 + random.Next(6);
            for (int n = 0; n < count; n++)
            {
                int topic = random.NextDouble() < 0.7 ? first : second;
                // Zipf-like inside the topic: low ranks are popular.
                int rank = (int)(Math.Pow(random.NextDouble(), 2) * (items / topics));
                builder.Add($"u{user}", $"i{(rank * topics) + topic}", random.Next(1_000_000), "visit", float.NaN);
            }
        }

        return builder.Build();
    }
}
