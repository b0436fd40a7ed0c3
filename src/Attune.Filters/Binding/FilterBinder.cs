namespace Attune.Filters;

/// <summary>Replaces $parameters by their filterValues and drops the EXCLUDE parts whose values are missing.</summary>
internal static class FilterBinder
{
    public static BoundFilter Bind(FilterExpression filter, IReadOnlyDictionary<string, string>? filterValues)
    {
        var clauses = new List<FilterClause>(filter.Clauses.Count);
        foreach (var clause in filter.Clauses)
        {
            var binder = new ClauseBinder(clause, filterValues);
            if (binder.Bind() is { } bound)
            {
                clauses.Add(bound);
            }
        }

        return new BoundFilter(filter, clauses);
    }

    private sealed class ClauseBinder(FilterClause clause, IReadOnlyDictionary<string, string>? filterValues)
    {
        private readonly Dictionary<string, List<string>?> _values = new(StringComparer.Ordinal);

        /// <summary>The clause with values in place, or null when a missing EXCLUDE parameter switches it off.</summary>
        public FilterClause? Bind()
        {
            // The IF clause decides whether the expression applies at all; without its values it cannot.
            var userConditions = new List<Predicate>(clause.UserConditions.Count);
            foreach (var condition in clause.UserConditions)
            {
                if (BindPredicate(condition) is not { } bound)
                {
                    return null;
                }

                userConditions.Add(bound);
            }

            return BindCondition(clause.Where) is { } where
                ? clause with { Where = where, UserConditions = userConditions }
                : null;
        }

        /// <summary>Null when every condition of the (sub)tree lost its parameter.</summary>
        private Condition? BindCondition(Condition condition) => condition switch
        {
            AndCondition and => Combine(and.Operands, operands => new AndCondition(operands)),
            OrCondition or => Combine(or.Operands, operands => new OrCondition(operands)),
            Predicate predicate => BindPredicate(predicate),
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };

        private Condition? Combine(IReadOnlyList<Condition> operands, Func<List<Condition>, Condition> create)
        {
            var bound = new List<Condition>(operands.Count);
            foreach (var operand in operands)
            {
                if (BindCondition(operand) is { } b)
                {
                    bound.Add(b);
                }
            }

            return bound.Count switch
            {
                0 => null,
                1 => bound[0],
                _ => create(bound),
            };
        }

        private Predicate? BindPredicate(Predicate predicate)
        {
            if (predicate.Operand is not ParameterOperand parameter)
            {
                return predicate;
            }

            if (Values(parameter.Name) is not { } values)
            {
                if (clause.Action == FilterAction.Include)
                {
                    throw new FilterExpressionException($"Missing filter value for ${parameter.Name}: every parameter of an INCLUDE expression must be given in filterValues (key \"{parameter.Name}\", case-sensitive, without $)");
                }

                return null;
            }

            return predicate with { Operand = ToOperand(predicate, parameter.Name, values) };
        }

        private static Operand ToOperand(Predicate predicate, string name, List<string> values)
        {
            if (!predicate.IsOrdering)
            {
                var anyEventType = values is ["*"] && predicate.Field.Dataset is FilterDataset.Interactions or FilterDataset.ActionInteractions;
                return anyEventType ? AnyOperand.Instance : new ValuesOperand(values);
            }

            if (values.Count != 1 || !NumberText.TryParse(values[0], out var number))
            {
                throw new FilterExpressionException($"Invalid filter value for ${name}: {predicate.Field} is compared with {OperatorText.Of(predicate.Operator)}, which needs exactly one number, got {string.Join(",", values.Select(v => $"\"{v}\""))}");
            }

            return new NumberOperand(number, values[0]);
        }

        private List<string>? Values(string name)
        {
            if (!_values.TryGetValue(name, out var values))
            {
                values = filterValues is not null && filterValues.TryGetValue(name, out var raw) && raw is not null
                    ? FilterValueParser.Parse(name, raw)
                    : null;
                _values[name] = values is { Count: > 0 } ? values : null;
            }

            return _values[name];
        }
    }
}
