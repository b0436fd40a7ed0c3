namespace Attune.Filters.Tests;

/// <summary>Every malformed expression is rejected with a specific, positioned reason.</summary>
public sealed class MalformedExpressionTests
{
    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\"", 45, "expected ',' or ')' in the value list opened at position 37, found the end of the expression")]
    [InlineData("INCLUDE ItemID WHERE (Items.GENRE IN (\"drama\")", 47, "expected ')' to close the '(' at position 22")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\"))", 46, "expected AND, OR, IF, '|' or the end of the expression after ')', found ')'")]
    [InlineData("INCLUDE ItemID WHERE Item.GENRE IN (\"drama\")", 22, "unknown dataset 'Item' (did you mean Items?)")]
    [InlineData("INCLUDE ItemID WHERE Movies.GENRE IN (\"drama\")", 22, "unknown dataset 'Movies'; use Items, Interactions")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE LIKE (\"drama\")", 34, "expected IN, NOT IN or a comparison operator (=, !=, <, <=, >, >=) after Items.GENRE, found 'LIKE'")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE == 3", 34, "'==' is not an operator; use =")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE <> 3", 34, "'<>' is not an operator; use != or NOT IN")]
    [InlineData("INCLUDE ItemID Items.GENRE IN (\"drama\")", 16, "expected WHERE after 'ItemID', found 'Items'")]
    [InlineData("INCLUDE WHERE Items.GENRE IN (\"drama\")", 9, "expected ItemID, UserID or ActionID after 'INCLUDE', found 'WHERE'")]
    [InlineData("KEEP ItemID WHERE Items.GENRE IN (\"drama\")", 1, "expected INCLUDE or EXCLUDE at the start of the expression, found 'KEEP'")]
    [InlineData("INCLUDE ItemID WHERE", 21, "expected a condition such as Items.GENRE IN (\"drama\") after 'WHERE', found the end of the expression")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\") AND", 50, "expected a condition such as Items.GENRE IN (\"drama\") after 'AND'")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE", 33, "expected IN, NOT IN or a comparison operator")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE NOT (\"drama\")", 38, "expected IN after 'NOT', found '('")]
    [InlineData("INCLUDE ItemID WHERE Items. IN (\"drama\")", 29, "expected a column name after 'Items.', found 'IN'")]
    [InlineData("INCLUDE ItemID WHERE Items IN (\"drama\")", 28, "expected '.' and a column name after 'Items' (fields are written Dataset.COLUMN)")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN ()", 38, "the value list is empty")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (drama)", 38, "expected a double-quoted value, found 'drama'; write values in double quotes (\"drama\")")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\" \"comedy\")", 46, "expected ',' or ')' in the value list")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama\",)", 46, "expected a double-quoted value after ','")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama)", 38, "the string starting here has no closing double quote")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN \"drama\"", 37, "expected '(' with double-quoted values, a $parameter or \"*\" after 'IN'")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"*\")", 38, "\"*\" (any value) is allowed only with Interactions.EVENT_TYPE, not with Items.GENRE")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (*)", 38, "\"*\" (any value) is allowed only with Interactions.EVENT_TYPE")]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\", \"click\")", 50, "\"*\" must be the only entry of its list")]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"*\")", 59, "\"*\" must be the only entry of its list")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN ($A, $B)", 40, "a $parameter must be the only entry of its list")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"x\", $B)", 43, "a $parameter must be the only entry of its list")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN ($)", 38, "'$' must be followed by a parameter name")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN ($GEN-RE)", 42, "parameter names may contain only letters, digits and underscores; found '-' in $GEN-")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < \"20\"", 36, "< compares numbers, not the string \"20\"; match strings with IN (\"20\")")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE = \"drama\"", 36, "= compares numbers, not the string \"drama\"")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < cheap", 36, "expected a number, a $parameter or CurrentItem.COLUMN after <")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < 2x", 36, "'2x' is not a number")]
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < ($P", 39, "expected ')' to close the '(' at position 36")]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"a\") AND Interactions.EVENT_TYPE IN (\"click\")", 47, "all conditions of one expression must use the dataset of its first condition (Items), found Interactions.EVENT_TYPE; chain expressions with '|'")]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\") OR Items.GENRE IN (\"a\")", 62, "must use the dataset of its first condition (Interactions)")]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_VALUE IN (\"5\")", 22, "only EVENT_TYPE can be filtered in Interactions, found Interactions.EVENT_VALUE")]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE = 5", 46, "Interactions.EVENT_TYPE can only be used with IN or NOT IN, not =")]
    [InlineData("INCLUDE ItemID WHERE Users.AGE > 18", 22, "Users cannot be used in a ItemID expression; use Items or Interactions")]
    [InlineData("INCLUDE UserID WHERE Items.GENRE IN (\"a\")", 22, "Items cannot be used in a UserID expression; use Users or Interactions")]
    [InlineData("INCLUDE ActionID WHERE Interactions.EVENT_TYPE IN (\"a\")", 24, "Interactions cannot be used in a ActionID expression; use Actions or Action_Interactions")]
    [InlineData("INCLUDE ItemID WHERE CurrentUser.AGE > 18", 22, "CurrentUser.AGE may be used only in an IF clause at the end of the expression")]
    [InlineData("INCLUDE ItemID WHERE CurrentItem.GENRE IN (\"a\")", 22, "CurrentItem.GENRE can only be compared against, on the right of a condition")]
    [InlineData("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN CurrentItem.EVENT_TYPE", 49, "CurrentItem.EVENT_TYPE can be used only in conditions on Items fields of ItemID expressions")]
    [InlineData("INCLUDE ActionID WHERE Actions.VALUE < CurrentItem.VALUE", 40, "CurrentItem.VALUE can be used only in conditions on Items fields")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") IF CurrentUser.AGE > 18 IF CurrentUser.B IN (\"x\")", 63, "IF may appear only once per expression, at its end")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") IF CurrentUser.AGE > 18 AND Items.B IN (\"b\")", 67, "an IF clause may test only CurrentUser fields, found Items.B; IF must come last in its expression")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") IF CurrentUser.AGE > 18 OR CurrentUser.AGE < 10", 63, "the conditions of an IF clause can only be joined with AND")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") IF Items.B IN (\"b\")", 42, "an IF clause may test only CurrentUser fields")]
    [InlineData("INCLUDE UserID WHERE Users.AGE > 18 IF CurrentUser.AGE > 18", 37, "IF CurrentUser conditions are not available when filtering UserID")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") | INCLUDE UserID WHERE Users.B IN (\"b\")", 49, "all expressions of a filter must select the same thing; the first selects ItemID, this one UserID")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") |", 40, "expected INCLUDE or EXCLUDE to start the next expression after '|', found the end of the expression")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") || INCLUDE ItemID WHERE Items.B IN (\"b\")", 40, "expected INCLUDE or EXCLUDE to start the next expression after '|', found '|'")]
    [InlineData("INCLUDE ItemID WHERE Items.A IN (\"a\") ; EXCLUDE ItemID WHERE Items.B IN (\"b\")", 39, "unexpected character ';'")]
    public void Malformed_expression_is_rejected_with_its_position_and_reason(string expression, int position, string reason)
    {
        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse(expression));

        Assert.Contains(reason, error.Message);
        Assert.StartsWith($"Invalid filter expression at position {position}: ", error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parameter_name_longer_than_a_filterValues_key_is_rejected()
    {
        var name = new string('P', 51);

        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse($"INCLUDE ItemID WHERE Items.GENRE IN (${name})"));

        Assert.Equal($"Invalid filter expression at position 38: parameter name ${name} is longer than 50 characters", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_expression_is_rejected(string expression)
    {
        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse(expression));

        Assert.Equal("Invalid filter expression: the expression is empty", error.Message);
    }

    [Fact]
    public void Expression_longer_than_2500_characters_is_rejected()
    {
        var values = string.Join(", ", Enumerable.Range(0, 400).Select(i => $"\"g{i}\""));
        var expression = $"INCLUDE ItemID WHERE Items.GENRE IN ({values})";
        Assert.True(expression.Length > FilterExpression.MaxLength);

        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse(expression));

        Assert.Equal($"Invalid filter expression: it is {expression.Length} characters long; the limit is 2500", error.Message);
    }

    [Fact]
    public void Expression_of_exactly_2500_characters_is_accepted()
    {
        var prefix = "INCLUDE ItemID WHERE Items.GENRE IN (\"";
        var expression = prefix + new string('x', FilterExpression.MaxLength - prefix.Length - 2) + "\")";

        Assert.Equal(FilterExpression.MaxLength, FilterExpression.Parse(expression).Text.Length);
    }

    [Fact]
    public void More_than_ten_distinct_fields_are_rejected_at_the_eleventh()
    {
        var conditions = string.Join(" AND ", Enumerable.Range(1, 11).Select(i => $"Items.F{i} IN (\"x\")"));
        var expression = $"INCLUDE ItemID WHERE {conditions}";

        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse(expression));

        Assert.Contains("a filter may reference at most 10 distinct dataset fields; Items.F11 is field number 11", error.Message);
        Assert.Equal(expression.IndexOf("Items.F11", StringComparison.Ordinal) + 1, error.Position);
    }

    [Fact]
    public void Repeated_fields_and_CurrentItem_twins_count_once_toward_the_field_limit()
    {
        var conditions = string.Join(" OR ", Enumerable.Range(1, 9).Select(i => $"Items.F{i} IN (\"x\") OR Items.F{i} NOT IN (\"y\")"));
        var expression = $"INCLUDE ItemID WHERE {conditions} OR Items.PRICE < CurrentItem.PRICE | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"a\")";

        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse(expression));
        Assert.Contains("Interactions.EVENT_TYPE is field number 11", error.Message);

        var withinLimit = expression[..expression.IndexOf(" | ", StringComparison.Ordinal)];
        Assert.Equal(11, FilterExpression.Parse(withinLimit).Fields.Count);
    }
}
