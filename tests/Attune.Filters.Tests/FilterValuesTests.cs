namespace Attune.Filters.Tests;

/// <summary>filterValues: quoting, missing parameters for INCLUDE vs EXCLUDE, numbers for comparisons.</summary>
public sealed class FilterValuesTests
{
    [Theory]
    [InlineData("\"comedy\",\"drama\"", new[] { 0, 1, 2, 5 })]
    [InlineData("  \"comedy\" ,  \"drama\"  ", new[] { 0, 1, 2, 5 })]
    [InlineData("\"horror\"", new[] { 3, 5 })]
    [InlineData("\"Horror\"", new int[0])]
    [InlineData("\"comedy,drama\"", new int[0])]
    public void Quoted_comma_separated_values_match_any_of_them_exactly(string value, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)", $"GENRE={value}"));
    }

    [Fact]
    public void Escaped_quotes_and_backslashes_inside_a_value_are_unescaped()
    {
        var items = new AttributeTable(3)
            .AddCategorical("TITLE", CategoricalColumn.FromValues(["say \"hi\"", "back\\slash", "plain"], splitMultiValues: false));
        var bound = FilterExpression.Parse("INCLUDE ItemID WHERE Items.TITLE IN ($T)")
            .Bind(new Dictionary<string, string> { ["T"] = "\"say \\\"hi\\\"\", \"back\\\\slash\"" });

        Assert.Equal([0, 1], TestDatasetGroup.Members(bound.Evaluate(new FilterContext(items))));
    }

    [Theory]
    [InlineData("comedy", 1, "expected a double-quoted value")]
    [InlineData("\"comedy\" \"drama\"", 10, "expected ',' between values")]
    [InlineData("\"comedy\",", 10, "expected a value after the last ','")]
    [InlineData("\"comedy", 1, "the value starting here has no closing double quote")]
    [InlineData("\"comedy\",drama", 10, "expected a double-quoted value")]
    public void Malformed_value_names_the_parameter_and_the_spot(string value, int position, string reason)
    {
        var filter = FilterExpression.Parse("EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE)");

        var error = Assert.Throws<FilterExpressionException>(() => filter.Bind(new Dictionary<string, string> { ["GENRE"] = value }));

        Assert.StartsWith($"Invalid filterValues entry for GENRE at position {position}: {reason}", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("OTHER=\"drama\"")]
    [InlineData("genre=\"drama\"")]
    [InlineData("GENRE=")]
    [InlineData("GENRE=  ")]
    public void Missing_parameter_of_an_INCLUDE_expression_is_an_error(string filterValues)
    {
        var filter = FilterExpression.Parse("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)");

        var error = Assert.Throws<FilterExpressionException>(() => filter.Bind(TestDatasetGroup.Values(filterValues)));

        Assert.Equal("Missing filter value for $GENRE: every parameter of an INCLUDE expression must be given in filterValues (key \"GENRE\", case-sensitive, without $)", error.Message);
    }

    [Fact]
    public void Missing_parameter_of_an_EXCLUDE_expression_switches_that_expression_off()
    {
        var filter = FilterExpression.Parse("EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) | EXCLUDE ItemID WHERE Items.CATEGORY IN (\"shoe\")");

        var bound = filter.Bind(null);

        Assert.False(bound.AllowsEverything);
        Assert.Equal([2, 3, 4, 5], TestDatasetGroup.Members(bound.Evaluate(TestDatasetGroup.ContextFor(FilterTarget.Item))));
    }

    [Fact]
    public void Missing_parameter_drops_only_its_condition_from_an_EXCLUDE_expression()
    {
        // Without $GENRE the expression still excludes the cheap items.
        var allowed = TestDatasetGroup.Allowed("EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) AND Items.PRICE < $MAX", "MAX=\"25\"");

        Assert.Equal([0, 2, 3, 4], allowed);
    }

    [Fact]
    public void Missing_parameter_of_an_IF_clause_switches_the_EXCLUDE_expression_off()
    {
        var allowed = TestDatasetGroup.Allowed("EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE", "GENRE=\"horror\"");

        Assert.Equal([0, 1, 2, 3, 4, 5], allowed);
    }

    [Fact]
    public void Filter_whose_only_EXCLUDE_lost_its_parameter_allows_everything()
    {
        var bound = FilterExpression.Parse("EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE)").Bind(new Dictionary<string, string>());

        Assert.True(bound.AllowsEverything);
        Assert.Equal(6, bound.Evaluate(TestDatasetGroup.ContextFor(FilterTarget.Item)).Count());
    }

    [Theory]
    [InlineData("PRICE=\"cheap\"", "\"cheap\"")]
    [InlineData("PRICE=\"10\",\"20\"", "\"10\",\"20\"")]
    public void Comparison_parameter_needs_exactly_one_number(string filterValues, string shown)
    {
        var filter = FilterExpression.Parse("INCLUDE ItemID WHERE Items.PRICE <= $PRICE");

        var error = Assert.Throws<FilterExpressionException>(() => filter.Bind(TestDatasetGroup.Values(filterValues)));

        Assert.Equal($"Invalid filter value for $PRICE: Items.PRICE is compared with <=, which needs exactly one number, got {shown}", error.Message);
    }

    [Fact]
    public void Non_numeric_value_for_a_numeric_column_is_rejected_at_evaluation()
    {
        var bound = FilterExpression.Parse("INCLUDE ItemID WHERE Items.PRICE IN ($PRICE)").Bind(TestDatasetGroup.Values("PRICE=\"ten\""));

        var error = Assert.Throws<FilterExpressionException>(() => bound.Evaluate(TestDatasetGroup.ContextFor(FilterTarget.Item)));

        Assert.Equal("Invalid filter value: Items.PRICE is numeric but \"ten\" is not a number", error.Message);
    }

    [Fact]
    public void Same_parameter_in_two_places_and_unused_keys_are_fine()
    {
        var allowed = TestDatasetGroup.Allowed(
            "INCLUDE ItemID WHERE Items.GENRE IN ($G) | EXCLUDE ItemID WHERE Items.GENRE IN ($G) AND Items.PRICE > 100",
            "G=\"drama\";UNUSED=\"x\"");

        Assert.Equal([1, 5], allowed);
    }

    [Fact]
    public void Parameters_and_what_the_filter_needs_are_reported()
    {
        var filter = FilterExpression.Parse(
            "INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) AND Items.PRICE < CurrentItem.PRICE IF CurrentUser.AGE > $MIN_AGE | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")");

        Assert.Equal(FilterTarget.Item, filter.Target);
        Assert.Equal(["GENRE", "MIN_AGE"], filter.Parameters.Order());
        Assert.Equal(
            [new(FilterDataset.Items, "GENRE"), new(FilterDataset.Items, "PRICE"), new(FilterDataset.CurrentItem, "PRICE"), new(FilterDataset.CurrentUser, "AGE"), new FilterField(FilterDataset.Interactions, "EVENT_TYPE")],
            filter.Fields);
        Assert.True(filter.UsesInteractions);
        Assert.True(filter.UsesCurrentUser);
        Assert.True(filter.UsesCurrentItem);
        Assert.True(filter.NeedsUser);
    }

    [Fact]
    public void Item_attribute_filter_needs_no_user()
    {
        var filter = FilterExpression.Parse("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\")");

        Assert.False(filter.NeedsUser);
        Assert.False(filter.UsesCurrentItem);
        Assert.Empty(filter.Parameters);
        Assert.Same(filter.Bind(null), filter.Bind(new Dictionary<string, string> { ["X"] = "\"y\"" }));
    }
}
