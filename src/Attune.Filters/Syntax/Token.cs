namespace Attune.Filters;

/// <summary>
/// A token at a 1-based Position; Text is the token as written, for strings the unescaped content and for
/// parameters the name without <c>$</c>.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    /// <summary>How many characters of the expression the token spans as written (quotes and <c>$</c> included); 0 at the end.</summary>
    public int Length { get; init; }

    public bool IsWord(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.String => $"the string \"{Text}\"",
        TokenKind.Parameter => $"${Text}",
        _ => $"'{Text}'",
    };
}
