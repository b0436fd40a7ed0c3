namespace Attune.Filters.Tests;

/// <summary>On a catalogue big enough for the vectorized and word-wise paths, results equal a row-by-row reading.</summary>
public sealed class LargeCatalogueTests
{
    private const int Items = 1_003;
    private static readonly string?[] Genres = Enumerable.Range(0, Items).Select(i => (i % 7) switch
    {
        0 => null,
        1 => "a|b",
        2 => "b",
        3 => "c|a",
        _ => $"x{i % 11}",
    }).ToArray();

    private static readonly double[] Prices = Enumerable.Range(0, Items).Select(i => i % 13 == 0 ? double.NaN : (i * 37) % 500).ToArray();

    private static readonly AttributeTable Table = new AttributeTable(Items)
        .AddCategorical("GENRE", CategoricalColumn.FromValues(Genres))
        .AddNumeric("PRICE", Prices);

    public static TheoryData<string, Func<int, bool>> Cases => new()
    {
        { "INCLUDE ItemID WHERE Items.PRICE < 250", i => Prices[i] < 250 },
        { "INCLUDE ItemID WHERE Items.PRICE <= 250", i => Prices[i] <= 250 },
        { "INCLUDE ItemID WHERE Items.PRICE > 250", i => Prices[i] > 250 },
        { "INCLUDE ItemID WHERE Items.PRICE >= 250", i => Prices[i] >= 250 },
        { "INCLUDE ItemID WHERE Items.PRICE != 74", i => !double.IsNaN(Prices[i]) && Prices[i] != 74 },
        { "INCLUDE ItemID WHERE Items.PRICE NOT IN (74, 111)", i => Prices[i] is not (74 or 111) },
        { "EXCLUDE ItemID WHERE Items.GENRE IN (\"a\")", i => !Has(i, "a") },
        { "INCLUDE ItemID WHERE Items.GENRE NOT IN (\"a\", \"x3\")", i => !Has(i, "a") && !Has(i, "x3") },
        { "INCLUDE ItemID WHERE Items.GENRE IN (\"b\") OR Items.PRICE < 20 AND Items.GENRE NOT IN (\"c\")", i => Has(i, "b") || (Prices[i] < 20 && !Has(i, "c")) },
        { "INCLUDE ItemID WHERE Items.GENRE IN (\"a\") | EXCLUDE ItemID WHERE Items.PRICE >= 400", i => Has(i, "a") && !(Prices[i] >= 400) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Result_equals_a_row_by_row_reading(string expression, Func<int, bool> expected)
    {
        var allowed = FilterExpression.Parse(expression).Bind(null).Evaluate(new FilterContext(Table));

        Assert.Equal(Enumerable.Range(0, Items).Where(expected).ToArray(), TestDatasetGroup.Members(allowed));
        Assert.Equal(allowed.Count(), TestDatasetGroup.Members(allowed).Length);
    }

    private static bool Has(int item, string genre) => Genres[item]?.Split('|').Contains(genre) == true;
}
