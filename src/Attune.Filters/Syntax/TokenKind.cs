namespace Attune.Filters;

internal enum TokenKind
{
    Word,
    String,
    Number,
    Parameter,
    Dot,
    Comma,
    OpenParen,
    CloseParen,
    Pipe,
    Star,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    End,
}
