namespace Attune.Filters.Tests;

/// <summary>Every example of reference §6.2 (AWS docs), evaluated on <see cref="TestDatasetGroup"/> with answers worked out by hand.</summary>
public sealed class DocumentationExampleTests
{
    [Theory]
    [InlineData("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)", "EVENT_TYPE=\"click\"", new[] { 0, 2, 3, 4, 5 })]
    [InlineData("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"stream\")", "", new[] { 0, 2, 4, 5 })]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")", "", new[] { 1 })]
    [InlineData("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"purchased\")", "", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("EXCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)", "CATEGORY=\"shoe\",\"book\"", new[] { 2, 3 })]
    [InlineData("EXCLUDE ItemID WHERE Items.CATEGORY IN (\"shoe\") AND Items.DESCRIPTION NOT IN (\"boot\")", "", new[] { 0, 2, 3, 4, 5 })]
    [InlineData("EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"shoe\") AND Items.CATEGORY_L2 NOT IN (\"boot\")", "", new[] { 0, 2, 3, 4, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE <= $PRICE", "PRICE=\"30\"", new[] { 1, 3, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < $DATE", "DATE=\"3500\"", new[] { 0, 1, 2 })]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)", "GENRE=\"drama\"", new[] { 1, 2, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.GENRE", "", new[] { 0, 1, 5 })]
    [InlineData("EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE", "GENRE=\"horror\";AGE=\"25\"", new[] { 0, 1, 2, 4 })]
    [InlineData("INCLUDE ItemID WHERE Items.CATEGORY IN (\"watch\") AND Items.DESCRIPTION IN (\"luxury\") IF CurrentUser.AGE > 18", "", new[] { 2 })]
    [InlineData("INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY) | INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"favorite\")", "CATEGORY=\"book\"", new[] { 2, 4, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"stream\")", "GENRE=\"drama\"", new[] { 2, 5 })]
    [InlineData("INCLUDE UserID WHERE Users.MEMBERSHIP_STATUS IN ($MEMBERSHIP)", "MEMBERSHIP=\"gold\"", new[] { 0 })]
    [InlineData("EXCLUDE UserID WHERE Users.AGE < $AGE", "AGE=\"18\"", new[] { 0, 2 })]
    [InlineData("EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)", "EVENT_TYPE=\"CLICK\"", new[] { 1, 2 })]
    [InlineData("INCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN ($EVENT_TYPE)", "EVENT_TYPE=\"taken\"", new[] { 0 })]
    [InlineData("EXCLUDE ActionID WHERE Action_Interactions.EVENT_TYPE IN (\"NOT_TAKEN\")", "", new[] { 0, 2 })]
    [InlineData("EXCLUDE ActionID WHERE Actions.CATEGORY IN ($CATEGORY)", "CATEGORY=\"survey\"", new[] { 0, 2 })]
    [InlineData("INCLUDE ActionID WHERE Actions.VALUE > ($VALUE)", "VALUE=\"4\"", new[] { 0, 2 })]
    [InlineData("EXCLUDE ActionID WHERE Actions.VALUE < ($VALUE) IF CurrentUser.MEMBERSHIP = $PREMIUM", "VALUE=\"10\";PREMIUM=\"premium\"", new[] { 2 })]
    [InlineData("INCLUDE ActionID WHERE Actions.MEMBERSHIP_LEVEL IN (\"Premium\") IF CurrentUser.MEMBERSHIP = $PREMIUM", "PREMIUM=\"premium\"", new[] { 0, 2 })]
    [InlineData("INCLUDE ItemID WHERE Items.OWNER IN (\"in-house\")", "", new[] { 0, 2, 5 })]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")", "", new[] { 1, 2, 3, 5 })]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < 20", "", new[] { 5 })]
    [InlineData("EXCLUDE ItemID WHERE Items.PRICE < 40 IF CurrentUser.AGE > 18 AND CurrentUser.AGE < 30", "", new[] { 0, 2, 4 })]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"stream\")", "", new[] { 2, 5 })]
    public void Documented_example_selects_the_expected_rows(string expression, string filterValues, int[] expected)
    {
        Assert.Equal(expected, TestDatasetGroup.Allowed(expression, filterValues));
    }

    [Fact]
    public void Docs_typo_with_two_event_types_in_one_string_is_one_literal()
    {
        var filter = FilterExpression.Parse("INCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"click, rating\")");

        var predicate = Assert.IsType<Predicate>(Assert.Single(filter.Clauses).Where);
        Assert.Equal(["click, rating"], Assert.IsType<ValuesOperand>(predicate.Operand).Values);
        Assert.Empty(TestDatasetGroup.Members(filter.Bind(null).Evaluate(TestDatasetGroup.ContextFor(FilterTarget.User))));
    }

    [Fact]
    public void Docs_typo_Action_instead_of_Actions_is_rejected_with_a_suggestion()
    {
        var error = Assert.Throws<FilterExpressionException>(() =>
            FilterExpression.Parse("INCLUDE ActionID WHERE Action.MEMBERSHIP_LEVEL IN (\"Premium\") IF CurrentUser.MEMBERSHIP = $PREMIUM"));

        Assert.Contains("unknown dataset 'Action' (did you mean Actions?)", error.Message);
        Assert.Equal(24, error.Position);
    }

    [Theory]
    [InlineData(0, new[] { 0, 1, 2, 4 })]
    [InlineData(1, new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(2, new[] { 0, 1, 2, 3, 4, 5 })]
    public void IF_clause_applies_the_expression_only_to_users_it_holds_for(int currentUser, int[] expected)
    {
        var allowed = TestDatasetGroup.Allowed(
            "EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE", "GENRE=\"horror\";AGE=\"25\"", currentUser);

        Assert.Equal(expected, allowed);
    }
}
