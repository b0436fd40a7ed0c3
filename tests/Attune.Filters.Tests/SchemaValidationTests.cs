namespace Attune.Filters.Tests;

/// <summary>CreateFilter-time checks of a filter against the dataset group's schemas.</summary>
public sealed class SchemaValidationTests
{
    private static readonly Dictionary<(FilterDataset, string), FilterColumnKind> Schema = new()
    {
        [(FilterDataset.Items, "GENRE")] = FilterColumnKind.Categorical,
        [(FilterDataset.Items, "PRICE")] = FilterColumnKind.Numeric,
        [(FilterDataset.Items, "DESCRIPTION")] = FilterColumnKind.NotFilterable,
        [(FilterDataset.Interactions, "EVENT_TYPE")] = FilterColumnKind.Categorical,
        [(FilterDataset.Users, "AGE")] = FilterColumnKind.Numeric,
        [(FilterDataset.Users, "MEMBERSHIP")] = FilterColumnKind.Categorical,
    };

    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.GENRE AND Items.PRICE < CurrentItem.PRICE")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE IN (\"10\", 20) IF CurrentUser.AGE > $AGE AND CurrentUser.MEMBERSHIP = $M")]
    [InlineData("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\") | INCLUDE ItemID WHERE Items.GENRE != $G")]
    public void Filter_that_fits_the_schema_passes(string expression)
    {
        FilterExpression.Parse(expression).Validate(Lookup);
    }

    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.COLOR IN (\"red\")", 22, "Items.COLOR is not a field of the Items dataset's schema")]
    [InlineData("INCLUDE ItemID WHERE Items.DESCRIPTION IN (\"boot\")", 22, "Items.DESCRIPTION is a textual or boolean field, which filters cannot use")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE >= 3", 22, "Items.GENRE is not numeric, so it cannot be compared with >=")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE IN (\"cheap\")", 22, "Items.PRICE is numeric but \"cheap\" is not a number")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.PRICE", 22, "Items.GENRE is categorical but CurrentItem.PRICE is numeric; they cannot be compared")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < CurrentItem.SIZE", 22, "CurrentItem.SIZE is not a field of the Items dataset's schema")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"a\") IF CurrentUser.MEMBERSHIP > 2", 46, "CurrentUser.MEMBERSHIP is not numeric, so it cannot be compared with >")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"a\") IF CurrentUser.GENDER IN (\"x\")", 46, "CurrentUser.GENDER is not a field of the Users dataset's schema")]
    [InlineData("INCLUDE ActionID WHERE Actions.VALUE > 1", 24, "Actions.VALUE is not a field of the Actions dataset's schema")]
    public void Filter_that_does_not_fit_the_schema_is_rejected(string expression, int position, string reason)
    {
        var filter = FilterExpression.Parse(expression);

        var error = Assert.Throws<FilterExpressionException>(() => filter.Validate(Lookup));

        Assert.Equal($"Invalid filter expression at position {position}: {reason}", error.Message);
    }

    [Fact]
    public void Bit_set_round_trips_through_its_words()
    {
        var set = TestDatasetGroup.Members(FilterExpression.Parse("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\")").Bind(null)
            .Evaluate(TestDatasetGroup.ContextFor(FilterTarget.Item)));
        var source = new BitSet(100);
        foreach (var member in set.Append(99))
        {
            source.Add(member);
        }

        var copy = BitSet.FromWords(100, source.Words.ToArray());

        Assert.Equal(TestDatasetGroup.Members(source), TestDatasetGroup.Members(copy));
        Assert.Throws<ArgumentException>(() => BitSet.FromWords(100, new ulong[1]));
        Assert.Throws<ArgumentException>(() => BitSet.FromWords(100, [0, 1UL << 40]));
    }

    private static FilterColumnKind Lookup(FilterDataset dataset, string column) =>
        Schema.GetValueOrDefault((dataset, column.ToUpperInvariant()), FilterColumnKind.Missing);
}
