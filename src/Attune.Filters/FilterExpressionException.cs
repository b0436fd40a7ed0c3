namespace Attune.Filters;

/// <summary>
/// A filter expression, its filter values or the data it is evaluated against are invalid.
/// The message is meant for the caller (Personalize answers it as <c>InvalidInputException</c>).
/// </summary>
public sealed class FilterExpressionException : Exception
{
    public FilterExpressionException()
    {
    }

    public FilterExpressionException(string message)
        : base(message)
    {
    }

    public FilterExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based character position in the expression, or null when the error is not about one spot.</summary>
    public int? Position { get; private init; }

    /// <summary>How many characters from <see cref="Position"/> the error covers (at least 1 when there is a position).</summary>
    public int? Length { get; private init; }

    internal static FilterExpressionException At(int position, string reason, int length = 1) =>
        new($"Invalid filter expression at position {position}: {reason}") { Position = position, Length = Math.Max(1, length) };

    /// <summary>An error about one token: it covers the token as written.</summary>
    internal static FilterExpressionException At(Token token, string reason) => At(token.Position, reason, token.Length);
}
