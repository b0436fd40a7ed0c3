namespace Attune.Filters;

/// <summary>Recursive-descent parser for the filter grammar (reference §6.1); AND binds tighter than OR.</summary>
internal sealed partial class Parser
{
    public const int MaxDistinctFields = 10;

    private readonly List<Token> _tokens;
    private readonly List<FilterClause> _clauses = [];
    private readonly List<(FilterField Field, int Position)> _fields = [];
    private readonly HashSet<string> _parameters = new(StringComparer.Ordinal);
    private int _next;
    private FilterTarget _target;
    private FilterDataset? _dataset;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_next];

    private Token Previous => _tokens[Math.Max(0, _next - 1)];

    public static ParsedFilter Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        return parser.ParseFilter();
    }

    private ParsedFilter ParseFilter()
    {
        do
        {
            _clauses.Add(ParseClause(isFirst: _clauses.Count == 0));
        }
        while (Accept(TokenKind.Pipe));

        if (Current.Kind != TokenKind.End)
        {
            throw Expected("AND, OR, IF, '|' or the end of the expression");
        }

        CheckFieldCount();
        return new ParsedFilter(_clauses, _fields.Select(f => f.Field).Distinct().ToArray(), _parameters);
    }

    /// <summary>Personalize counts distinct dataset fields per filter; CurrentItem/CurrentUser count as their dataset's field.</summary>
    private void CheckFieldCount()
    {
        var distinct = new HashSet<(FilterDataset, string)>();
        foreach (var (field, position) in _fields)
        {
            if (distinct.Add((field.SchemaDataset, field.Column.ToUpperInvariant())) && distinct.Count > MaxDistinctFields)
            {
                throw FilterExpressionException.At(position, $"a filter may reference at most {MaxDistinctFields} distinct dataset fields; {field} is field number {distinct.Count}");
            }
        }
    }

    private FilterClause ParseClause(bool isFirst)
    {
        FilterAction action;
        if (Current.IsWord("INCLUDE"))
        {
            action = FilterAction.Include;
        }
        else if (Current.IsWord("EXCLUDE"))
        {
            action = FilterAction.Exclude;
        }
        else
        {
            throw isFirst
                ? FilterExpressionException.At(Current, $"expected INCLUDE or EXCLUDE at the start of the expression, found {Current.Describe()}")
                : Expected("INCLUDE or EXCLUDE to start the next expression");
        }

        _next++;
        var target = ParseTarget();
        if (isFirst)
        {
            _target = target;
        }
        else if (target != _target)
        {
            throw FilterExpressionException.At(Previous, $"all expressions of a filter must select the same thing; the first selects {TargetName(_target)}, this one {TargetName(target)}");
        }

        if (!Current.IsWord("WHERE"))
        {
            throw Expected("WHERE");
        }

        _next++;
        _dataset = null;
        var where = ParseOr();
        var userConditions = ParseIfClause();
        return new FilterClause(action, target, _dataset!.Value, where, userConditions);
    }

    private FilterTarget ParseTarget()
    {
        FilterTarget? target = Current.Kind != TokenKind.Word ? null : Current.Text.ToUpperInvariant() switch
        {
            "ITEMID" => FilterTarget.Item,
            "USERID" => FilterTarget.User,
            "ACTIONID" => FilterTarget.Action,
            _ => null,
        };
        if (target is null)
        {
            throw Expected("ItemID, UserID or ActionID");
        }

        _next++;
        return target.Value;
    }

    private Condition ParseOr() => ParseJoined("OR", ParseAnd, operands => new OrCondition(operands));

    private Condition ParseAnd() => ParseJoined("AND", ParsePrimary, operands => new AndCondition(operands));

    private Condition ParseJoined(string keyword, Func<Condition> parseOperand, Func<List<Condition>, Condition> join)
    {
        var operands = new List<Condition> { parseOperand() };
        while (Current.IsWord(keyword))
        {
            _next++;
            operands.Add(parseOperand());
        }

        return operands.Count == 1 ? operands[0] : join(operands);
    }

    private Condition ParsePrimary()
    {
        if (Current.Kind != TokenKind.OpenParen)
        {
            return ParseWherePredicate();
        }

        var open = Current;
        _next++;
        var inner = ParseOr();
        if (!Accept(TokenKind.CloseParen))
        {
            throw FilterExpressionException.At(Current, $"expected ')' to close the '(' at position {open.Position}, found {Current.Describe()}");
        }

        return inner;
    }

    private List<Predicate> ParseIfClause()
    {
        var conditions = new List<Predicate>();
        if (!Current.IsWord("IF"))
        {
            return conditions;
        }

        if (_target == FilterTarget.User)
        {
            throw FilterExpressionException.At(Current, "IF CurrentUser conditions are not available when filtering UserID (user segments have no current user)");
        }

        _next++;
        conditions.Add(ParseUserPredicate());
        while (Current.IsWord("AND"))
        {
            _next++;
            conditions.Add(ParseUserPredicate());
        }

        if (Current.IsWord("OR"))
        {
            throw FilterExpressionException.At(Current, "the conditions of an IF clause can only be joined with AND");
        }

        if (Current.IsWord("IF"))
        {
            throw FilterExpressionException.At(Current, "IF may appear only once per expression, at its end; join CurrentUser conditions with AND");
        }

        return conditions;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _next++;
        return true;
    }

    private FilterExpressionException Expected(string what) =>
        FilterExpressionException.At(Current, $"expected {what} after {Previous.Describe()}, found {Current.Describe()}");

    internal static string TargetName(FilterTarget target) => target switch
    {
        FilterTarget.Item => "ItemID",
        FilterTarget.User => "UserID",
        _ => "ActionID",
    };
}
