namespace Attune.Filters.Tests;

/// <summary>A positioned error also says how many characters it covers, so an editor can underline the culprit.</summary>
public sealed class ErrorSpanTests
{
    [Theory]
    [InlineData("INCLUDE ItemID WHERE Items.GENRE LIKE (\"drama\")", 34, 4)] // the word LIKE
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"*\")", 38, 3)] // the quoted "*" as written
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"x\", $B)", 43, 2)] // $B with its $
    [InlineData("INCLUDE ItemID WHERE Items.PRICE <> 3", 34, 2)] // the two-character non-operator
    [InlineData("INCLUDE ItemID WHERE Items.GENRE IN (\"drama)", 38, 7)] // an unclosed string runs to the end
    [InlineData("INCLUDE ItemID WHERE Items.PRICE < 3x", 36, 2)] // the malformed number
    [InlineData("INCLUDE ItemID WHERE", 21, 1)] // the end of the expression still covers one place
    public void The_error_covers_the_token_at_its_position(string expression, int position, int length)
    {
        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse(expression));

        Assert.Equal(position, error.Position);
        Assert.Equal(length, error.Length);
    }

    [Fact]
    public void An_error_about_the_whole_expression_has_no_position_or_length()
    {
        var error = Assert.Throws<FilterExpressionException>(() => FilterExpression.Parse("   "));

        Assert.Null(error.Position);
        Assert.Null(error.Length);
    }
}
