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

    internal static FilterExpressionException At(int position, string reason) =>
        new($"Invalid filter expression at position {position}: {reason}") { Position = position };
}
