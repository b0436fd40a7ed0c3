namespace Attune.Filters.Tests;

/// <summary>How conditions and expressions combine, and how nulls, multi-values and event types match.</summary>
public sealed class EvaluationSemanticsTests
{
    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\")", new[] { 1, 2, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE NOT IN (\"drama\")", new[] { 0, 3, 4 })]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE = $G", new[] { 1, 2, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE != $G", new[] { 0, 3 })]
    public void Multi_valued_categorical_matches_when_any_value_matches_and_nulls_only_pass_NOT_IN(string expression, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed(expression, "G=\"drama\""));
    }

    [Theory]
    [InlineData("Items.PRICE < 1000", new[] { 0, 1, 2, 3, 5 })]
    [InlineData("Items.PRICE >= 0", new[] { 0, 1, 2, 3, 5 })]
    [InlineData("Items.PRICE = 30", new[] { 3 })]
    [InlineData("Items.PRICE != 30", new[] { 0, 1, 2, 5 })]
    [InlineData("Items.PRICE IN (\"30\", 50)", new[] { 0, 3 })]
    [InlineData("Items.PRICE NOT IN (\"30\")", new[] { 0, 1, 2, 4, 5 })]
    [InlineData("Items.PRICE > -5.5e1", new[] { 0, 1, 2, 3, 5 })]
    [InlineData("Items.PRICE <= 20.0", new[] { 1, 5 })]
    [InlineData("Items.PRICE > 50", new[] { 2 })]
    public void Null_numbers_never_satisfy_a_comparison_but_pass_NOT_IN(string condition, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed($"INCLUDE ItemID WHERE {condition}"));
    }

    [Theory]
    [InlineData("Items.CATEGORY IN (\"shoe\") OR Items.CATEGORY IN (\"book\") AND Items.PRICE < 15", new[] { 0, 1, 5 })]
    [InlineData("(Items.CATEGORY IN (\"shoe\") OR Items.CATEGORY IN (\"book\")) AND Items.PRICE < 15", new[] { 5 })]
    [InlineData("Items.PRICE < 15 AND Items.CATEGORY IN (\"book\") OR Items.CATEGORY IN (\"shoe\")", new[] { 0, 1, 5 })]
    [InlineData("Items.OWNER IN (\"in-house\") AND (Items.PRICE > 100 OR Items.GENRE IN (\"horror\"))", new[] { 2, 5 })]
    public void AND_binds_tighter_than_OR_and_parentheses_group(string condition, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed($"INCLUDE ItemID WHERE {condition}"));
    }

    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.CATEGORY IN (\"shoe\") | INCLUDE ItemID WHERE Items.CATEGORY IN (\"book\")", new[] { 0, 1, 4, 5 })]
    [InlineData("EXCLUDE ItemID WHERE Items.CATEGORY IN (\"shoe\") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"favorite\")", new[] { 3, 4, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.CATEGORY IN (\"watch\", \"book\") | EXCLUDE ItemID WHERE Items.PRICE > 100 | INCLUDE ItemID WHERE Items.GENRE IN (\"comedy\") | EXCLUDE ItemID WHERE Items.OWNER IN (\"partner\")", new[] { 0, 4, 5 })]
    [InlineData("EXCLUDE ItemID WHERE Items.OWNER IN (\"partner\") | INCLUDE ItemID WHERE Items.GENRE IN (\"comedy\") | EXCLUDE ItemID WHERE Items.PRICE > 100 | INCLUDE ItemID WHERE Items.CATEGORY IN (\"watch\", \"book\")", new[] { 0, 4, 5 })]
    public void Chained_expressions_are_the_union_of_INCLUDEs_minus_the_union_of_EXCLUDEs_in_any_order(string expression, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed(expression));
    }

    [Theory]
    [InlineData("\"CLICK\"", new[] { 1 })]
    [InlineData("\"stream\"", new[] { 3 })]
    [InlineData("\"Purchased\", \"FAVORITE\"", new[] { 2, 5 })]
    [InlineData("\"rating\"", new int[0])]
    public void Event_types_match_case_insensitively(string eventTypes, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed($"INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ({eventTypes})"));
    }

    [Fact]
    public void NOT_IN_on_event_types_is_what_the_user_did_not_interact_with_that_way()
    {
        Assert.Equal([0, 2, 4, 5], TestDatasetGroup.Allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE NOT IN (\"click\", \"stream\")"));
        Assert.Equal([0, 4], TestDatasetGroup.Allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE NOT IN (\"*\")"));
    }

    [Fact]
    public void Interactions_filters_read_the_whole_history_by_default()
    {
        // 150 clicks on items 0..149 (newest first), then the oldest interaction: a purchase of item 199.
        var interactions = Enumerable.Range(0, 150).Select(i => new RecentInteraction(i, i % 2 == 0 ? "click" : "Click"))
            .Append(new RecentInteraction(199, "purchase")).ToArray();
        var context = new FilterContext(new AttributeTable(200)) { Interactions = interactions };

        var clicked = Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"purchase\")", context);
        var any = Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")", context);
        var notClicked = Evaluate("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")", context);

        int[] everything = [.. Enumerable.Range(0, 150), 199];
        Assert.Equal(everything, clicked);
        Assert.Equal(everything, any);
        Assert.Equal(Enumerable.Range(150, 50), notClicked);
    }

    [Fact]
    public void Personalizes_window_keeps_only_the_newest_interactions_of_each_event_type()
    {
        var interactions = Enumerable.Range(0, 150).Select(i => new RecentInteraction(i, i % 2 == 0 ? "click" : "Click"))
            .Append(new RecentInteraction(199, "purchase")).ToArray();
        var items = new AttributeTable(200);
        var context = new FilterContext(items) { Interactions = interactions, InteractionsPerEventType = FilterContext.PersonalizeInteractionsPerEventType };

        var clicked = Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"purchase\")", context);
        var any = Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")", context);
        var narrow = Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"CLICK\")", new FilterContext(items) { Interactions = interactions, InteractionsPerEventType = 3 });

        int[] expected = [.. Enumerable.Range(0, 100), 199];
        Assert.Equal(expected, clicked);
        Assert.Equal(expected, any);
        Assert.Equal([0, 1, 2], narrow);
    }

    [Fact]
    public void Event_types_are_matched_by_value_whatever_the_string_instance()
    {
        // Live events bring their own string instances; stored ones share one per type.
        var interactions = new[]
        {
            new RecentInteraction(0, new string("rating".AsSpan())), new RecentInteraction(1, "view"),
            new RecentInteraction(2, new string("RATING".AsSpan())), new RecentInteraction(3, "rating"),
        };

        var rated = Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"rating\")", new FilterContext(new AttributeTable(5)) { Interactions = interactions });

        Assert.Equal([0, 2, 3], rated);
    }

    [Fact]
    public void Action_filters_take_the_same_window()
    {
        var interactions = Enumerable.Range(0, 400).Select(i => new RecentInteraction(i, "taken")).ToArray();
        var items = new AttributeTable(400);

        var all = Evaluate("INCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN (\"taken\")", new FilterContext(items) { Interactions = interactions });
        var personalize = Evaluate("INCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN (\"taken\")",
            new FilterContext(items) { Interactions = interactions, InteractionsPerEventType = FilterContext.PersonalizeActionInteractionsPerEventType });

        Assert.Equal(Enumerable.Range(0, 400), all);
        Assert.Equal(Enumerable.Range(0, 300), personalize);
    }

    [Fact]
    public void Interactions_with_items_outside_the_catalogue_are_ignored()
    {
        var context = new FilterContext(new AttributeTable(3)) { Interactions = new RecentInteraction[] { new(7, "click"), new(-1, "click"), new(2, "click") } };

        Assert.Equal([2], Evaluate("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")", context));
    }

    [Fact]
    public void User_segments_filter_on_the_event_types_each_user_has()
    {
        Assert.Equal([0, 1], TestDatasetGroup.Allowed("INCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"*\")"));
        Assert.Equal([1, 2], TestDatasetGroup.Allowed("INCLUDE UserID WHERE Interactions.EVENT_TYPE NOT IN (\"Stream\")"));
        Assert.Equal([0], TestDatasetGroup.Allowed("INCLUDE UserID WHERE Users.AGE > 18 AND Users.MEMBERSHIP IN (\"premium\")"));
    }

    [Theory]
    [InlineData(0, new[] { 1, 3, 5 })]
    [InlineData(1, new[] { 0, 3 })]
    [InlineData(4, new int[0])]
    public void CurrentItem_compares_candidates_with_the_request_item(int currentItem, int[] expected)
    {
        var allowed = TestDatasetGroup.Allowed("INCLUDE ItemID WHERE Items.PRICE != CurrentItem.PRICE AND Items.GENRE NOT IN CurrentItem.GENRE", currentItem: currentItem);

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void CurrentItem_conditions_match_nothing_without_a_current_item()
    {
        const string include = "INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.GENRE";
        const string exclude = "EXCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE";

        Assert.Empty(TestDatasetGroup.Allowed(include, currentItem: -1));
        Assert.Empty(TestDatasetGroup.Allowed("INCLUDE ItemID WHERE Items.GENRE != CurrentItem.GENRE", currentItem: -1));
        Assert.Equal([0, 1, 2, 3, 4, 5], TestDatasetGroup.Allowed("INCLUDE ItemID WHERE Items.GENRE NOT IN CurrentItem.GENRE", currentItem: 4));
        Assert.Equal([0, 1, 2, 3, 4, 5], TestDatasetGroup.Allowed(exclude, currentItem: -1));
    }

    [Fact]
    public void CurrentItem_column_of_another_name_is_matched_by_value()
    {
        var items = new AttributeTable(3)
            .AddCategorical("STUDIO", CategoricalColumn.FromValues(["a", "b", "c"]))
            .AddCategorical("PARTNER_STUDIOS", CategoricalColumn.FromValues(["b|c", null, "z"]));
        var context = new FilterContext(items) { CurrentItem = new AttributeRow(items, 0) };

        Assert.Equal([1, 2], Evaluate("INCLUDE ItemID WHERE Items.STUDIO IN CurrentItem.PARTNER_STUDIOS", context));
    }

    [Theory]
    [InlineData("IF CurrentUser.MEMBERSHIP IN (\"premium\", \"gold\")", 0, true)]
    [InlineData("IF CurrentUser.MEMBERSHIP NOT IN (\"premium\")", 1, true)]
    [InlineData("IF CurrentUser.MEMBERSHIP NOT IN (\"premium\")", 2, true)]
    [InlineData("IF CurrentUser.MEMBERSHIP != $M", 2, false)]
    [InlineData("IF CurrentUser.MEMBERSHIP != $M", 1, true)]
    [InlineData("IF CurrentUser.AGE >= 25 AND CurrentUser.MEMBERSHIP = $M", 0, true)]
    [InlineData("IF CurrentUser.AGE >= 26 AND CurrentUser.MEMBERSHIP = $M", 0, false)]
    [InlineData("IF CurrentUser.AGE < 100", 2, false)]
    [InlineData("IF CurrentUser.AGE < 100", -1, false)]
    public void IF_clause_tests_the_current_user_row(string ifClause, int currentUser, bool applies)
    {
        var allowed = TestDatasetGroup.Allowed($"EXCLUDE ItemID WHERE Items.CATEGORY IN (\"shoe\") {ifClause}", "M=\"premium\"", currentUser);

        Assert.Equal(applies ? [2, 3, 4, 5] : [0, 1, 2, 3, 4, 5], allowed);
    }

    [Fact]
    public void Keywords_and_dataset_names_are_case_insensitive()
    {
        Assert.Equal([1, 2, 5], TestDatasetGroup.Allowed("include itemid where items.GENRE in (\"drama\") if currentuser.AGE > 18"));
    }

    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE > 3", "Invalid filter: Items.GENRE is not numeric, so it cannot be compared with >")]
    [InlineData("INCLUDE ItemID WHERE Items.COLOR IN (\"red\")", "Invalid filter: Items.COLOR does not exist in the Items data")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.PRICE", "Invalid filter: Items.GENRE is categorical, but CurrentItem.PRICE is not a categorical column of the items data")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"a\") IF CurrentUser.MEMBERSHIP < 3", "Invalid filter: CurrentUser.MEMBERSHIP is not numeric, so it cannot be compared with <")]
    public void Data_that_does_not_fit_the_filter_is_reported(string expression, string message)
    {
        var error = Assert.Throws<FilterExpressionException>(() => TestDatasetGroup.Allowed(expression));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Reused_set_holds_only_the_latest_result()
    {
        var filter = FilterExpression.Parse("INCLUDE ItemID WHERE Items.GENRE IN ($G)");
        var allowed = new BitSet(TestDatasetGroup.Items.Count);

        filter.Bind(TestDatasetGroup.Values("G=\"drama\"")).Evaluate(TestDatasetGroup.ContextFor(FilterTarget.Item), allowed);
        filter.Bind(TestDatasetGroup.Values("G=\"comedy\"")).Evaluate(TestDatasetGroup.ContextFor(FilterTarget.Item), allowed);

        Assert.Equal([0, 2], TestDatasetGroup.Members(allowed));
        Assert.False(allowed.Contains(-1));
        Assert.False(allowed.Contains(6));
    }

    private static int[] Evaluate(string expression, in FilterContext context) =>
        TestDatasetGroup.Members(FilterExpression.Parse(expression).Bind(null).Evaluate(context));
}
