namespace Attune.Filters;

/// <summary>Splits an expression into tokens; all positions are 1-based.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
                return tokens;
            }

            var start = i;
            tokens.Add(Next(text, ref i) with { Length = i - start });
        }
    }

    private static Token Next(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return new Token(TokenKind.Word, text[start..i], start + 1);
        }

        if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
        {
            return ReadNumber(text, ref i);
        }

        switch (c)
        {
            case '"':
                return ReadString(text, ref i);
            case '$':
                return ReadParameter(text, ref i);
            case '!' when Peek(text, i + 1) == '=':
                i += 2;
                return new Token(TokenKind.NotEqual, "!=", start + 1);
            case '<' when Peek(text, i + 1) == '=':
                i += 2;
                return new Token(TokenKind.LessOrEqual, "<=", start + 1);
            case '>' when Peek(text, i + 1) == '=':
                i += 2;
                return new Token(TokenKind.GreaterOrEqual, ">=", start + 1);
            case '<' when Peek(text, i + 1) == '>':
                throw FilterExpressionException.At(start + 1, "'<>' is not an operator; use != or NOT IN", length: 2);
            case '=' when Peek(text, i + 1) == '=':
                throw FilterExpressionException.At(start + 1, "'==' is not an operator; use =", length: 2);
        }

        i++;
        var kind = c switch
        {
            '.' => TokenKind.Dot,
            ',' => TokenKind.Comma,
            '(' => TokenKind.OpenParen,
            ')' => TokenKind.CloseParen,
            '|' => TokenKind.Pipe,
            '*' => TokenKind.Star,
            '=' => TokenKind.Equal,
            '<' => TokenKind.Less,
            '>' => TokenKind.Greater,
            _ => throw FilterExpressionException.At(start + 1, $"unexpected character '{c}'"),
        };
        return new Token(kind, c.ToString(), start + 1);
    }

    private static char Peek(string text, int i) => i < text.Length ? text[i] : '\0';

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        i++;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
        {
            i++;
        }

        var number = text[start..i];
        if (!NumberText.TryParse(number, out _))
        {
            throw FilterExpressionException.At(start + 1, $"'{number}' is not a number", length: number.Length);
        }

        return new Token(TokenKind.Number, number, start + 1);
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        if (!QuotedString.TryRead(text, ref i, out var value))
        {
            throw FilterExpressionException.At(start + 1, "the string starting here has no closing double quote", length: text.Length - start);
        }

        return new Token(TokenKind.String, value, start + 1);
    }

    private static Token ReadParameter(string text, ref int i)
    {
        var start = i;
        i++;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        var name = text[(start + 1)..i];
        if (name.Length == 0)
        {
            throw FilterExpressionException.At(start + 1, "'$' must be followed by a parameter name of letters, digits and underscores (e.g. $GENRE)");
        }

        if (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (')' or ',' or '|'))
        {
            throw FilterExpressionException.At(i + 1, $"parameter names may contain only letters, digits and underscores; found '{text[i]}' in ${name}{text[i]}");
        }

        if (name.Length > ParameterNameMaxLength)
        {
            throw FilterExpressionException.At(start + 1, $"parameter name ${name} is longer than {ParameterNameMaxLength} characters", length: name.Length + 1);
        }

        return new Token(TokenKind.Parameter, name, start + 1);
    }

    /// <summary>filterValues keys are at most 50 characters (FilterAttributeName in the runtime model).</summary>
    public const int ParameterNameMaxLength = 50;
}
