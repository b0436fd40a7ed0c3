namespace Attune.Filters;

/// <summary>
/// A parsed and validated Personalize filter expression (CreateFilter's <c>filterExpression</c>). Immutable and
/// thread-safe: parse once per filter, then <see cref="Bind"/> per request with its <c>filterValues</c>.
/// </summary>
public sealed class FilterExpression
{
    /// <summary>The longest expression Personalize accepts (FilterExpression, max 2500).</summary>
    public const int MaxLength = 2500;

    private readonly BoundFilter? _boundWithoutValues;

    private FilterExpression(string text, ParsedFilter parsed)
    {
        Text = text;
        Clauses = parsed.Clauses;
        Fields = parsed.Fields;
        Parameters = parsed.Parameters;
        Target = parsed.Clauses[0].Target;
        UsesInteractions = parsed.Clauses.Any(c => c.Dataset is FilterDataset.Interactions or FilterDataset.ActionInteractions);
        UsesCurrentUser = parsed.Clauses.Any(c => c.UserConditions.Count > 0);
        UsesCurrentItem = parsed.Fields.Any(f => f.Dataset == FilterDataset.CurrentItem);
        if (Parameters.Count == 0)
        {
            _boundWithoutValues = FilterBinder.Bind(this, null);
        }
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>What the filter selects: items, users or actions.</summary>
    public FilterTarget Target { get; }

    /// <summary>Every distinct field the expression reads, including CurrentUser and CurrentItem fields.</summary>
    public IReadOnlyList<FilterField> Fields { get; }

    /// <summary>Placeholder names without <c>$</c> (case-sensitive, as filterValues keys must be).</summary>
    public IReadOnlySet<string> Parameters { get; }

    /// <summary>Reads the requesting user's interactions (item/action filters) or users' event types (segments).</summary>
    public bool UsesInteractions { get; }

    /// <summary>Has an IF CurrentUser clause.</summary>
    public bool UsesCurrentUser { get; }

    /// <summary>Compares against the request's item: meaningful for related-items requests only.</summary>
    public bool UsesCurrentItem { get; }

    /// <summary>Evaluation needs to know the requesting user (interactions or attributes).</summary>
    public bool NeedsUser => (UsesInteractions && Target != FilterTarget.User) || UsesCurrentUser;

    internal IReadOnlyList<FilterClause> Clauses { get; }

    /// <summary>Parses and validates an expression.</summary>
    /// <exception cref="FilterExpressionException">The expression is malformed; the message says where and why.</exception>
    public static FilterExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FilterExpressionException("Invalid filter expression: the expression is empty");
        }

        if (text.Length > MaxLength)
        {
            throw new FilterExpressionException($"Invalid filter expression: it is {text.Length} characters long; the limit is {MaxLength}");
        }

        return new FilterExpression(text, Parser.Parse(text));
    }

    /// <summary>
    /// Supplies the request's <c>filterValues</c> (parameter name → <c>"\"a\",\"b\""</c>). A parameter missing from an
    /// INCLUDE expression is an error; one missing from an EXCLUDE expression switches off the part that uses it.
    /// </summary>
    /// <exception cref="FilterExpressionException">A value is malformed, not a number where one is needed, or missing for INCLUDE.</exception>
    public BoundFilter Bind(IReadOnlyDictionary<string, string>? filterValues) =>
        _boundWithoutValues ?? FilterBinder.Bind(this, filterValues);

    /// <summary>
    /// Checks the fields against the dataset group's schemas (CreateFilter time): every field exists and is filterable,
    /// comparisons use numeric fields, CurrentItem is compared with a field of the same kind, and quoted values for
    /// numeric fields are numbers. <paramref name="schema"/> answers for Items, Users, Actions, Interactions and
    /// Action_Interactions (CurrentItem/CurrentUser fields are asked as Items/Users fields).
    /// </summary>
    /// <exception cref="FilterExpressionException">A field does not fit; the message names it and its position.</exception>
    public void Validate(Func<FilterDataset, string, FilterColumnKind> schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        SchemaValidator.Validate(this, schema);
    }

    public override string ToString() => Text;
}
