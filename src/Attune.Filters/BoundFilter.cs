using System.Buffers;

namespace Attune.Filters;

/// <summary>
/// A filter with its filterValues applied, ready to evaluate per request. Evaluation computes the allowed set once
/// (union of INCLUDE results, or everything when no INCLUDE applies, minus the union of EXCLUDE results); callers then
/// test candidates with <see cref="BitSet.Contains"/> in O(1) without allocating.
/// </summary>
public sealed class BoundFilter
{
    private readonly IReadOnlyList<FilterClause> _clauses;

    internal BoundFilter(FilterExpression expression, IReadOnlyList<FilterClause> clauses)
    {
        Expression = expression;
        _clauses = clauses;
    }

    public FilterExpression Expression { get; }

    /// <summary>True when no expression remains (every one switched off by missing EXCLUDE values): all candidates pass.</summary>
    public bool AllowsEverything => _clauses.Count == 0;

    /// <summary>Evaluates into a new set of <c>context.Candidates.Count</c> bits.</summary>
    public BitSet Evaluate(in FilterContext context)
    {
        var allowed = new BitSet(context.Candidates.Count);
        Evaluate(context, allowed);
        return allowed;
    }

    /// <summary>
    /// Writes the allowed candidates into <paramref name="allowed"/> (reusable; its Length must equal
    /// <c>context.Candidates.Count</c>). Cost: per attribute condition O(matching rows) for categorical IN,
    /// O(rows) for numeric comparisons, O(interactions) for event types, plus O(rows/64) word operations per
    /// AND/OR/NOT IN and per expression. Scratch comes from the shared array pool.
    /// </summary>
    /// <exception cref="FilterExpressionException">The data lacks a column the filter reads, or its type does not fit the condition.</exception>
    public void Evaluate(in FilterContext context, BitSet allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (context.Candidates is null)
        {
            throw new ArgumentException("The context has no candidates table; construct it with new FilterContext(table)", nameof(context));
        }

        var length = context.Candidates.Count;
        if (allowed.Length != length)
        {
            throw new ArgumentException($"The set has {allowed.Length} bits but there are {length} candidates", nameof(allowed));
        }

        var words = allowed.WritableWords;
        var wordCount = words.Length;
        var include = ArrayPool<ulong>.Shared.Rent(wordCount);
        var exclude = ArrayPool<ulong>.Shared.Rent(wordCount);
        var clause = ArrayPool<ulong>.Shared.Rent(wordCount);
        try
        {
            var includes = include.AsSpan(0, wordCount);
            var excludes = exclude.AsSpan(0, wordCount);
            var result = clause.AsSpan(0, wordCount);
            includes.Clear();
            excludes.Clear();
            var anyInclude = false;
            foreach (var expression in _clauses)
            {
                if (expression.UserConditions.Count > 0 && !RowEvaluator.AllHold(expression.UserConditions, context.CurrentUser))
                {
                    continue;
                }

                EvaluateCondition(expression.Where, expression.Target, context, result, length);
                var isInclude = expression.Action == FilterAction.Include;
                Bits.Or(isInclude ? includes : excludes, result);
                anyInclude |= isInclude;
            }

            if (anyInclude)
            {
                includes.CopyTo(words);
            }
            else
            {
                Bits.SetAll(words, length);
            }

            Bits.AndNot(words, excludes);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(include);
            ArrayPool<ulong>.Shared.Return(exclude);
            ArrayPool<ulong>.Shared.Return(clause);
        }
    }

    private static void EvaluateCondition(Condition condition, FilterTarget target, in FilterContext context, Span<ulong> dest, int length)
    {
        switch (condition)
        {
            case Predicate predicate:
                EvaluatePredicate(predicate, target, context, dest, length);
                return;
            case AndCondition and:
                Combine(and.Operands, isAnd: true, target, context, dest, length);
                return;
            case OrCondition or:
                Combine(or.Operands, isAnd: false, target, context, dest, length);
                return;
        }
    }

    private static void Combine(IReadOnlyList<Condition> operands, bool isAnd, FilterTarget target, in FilterContext context, Span<ulong> dest, int length)
    {
        EvaluateCondition(operands[0], target, context, dest, length);
        var rented = ArrayPool<ulong>.Shared.Rent(dest.Length);
        try
        {
            var scratch = rented.AsSpan(0, dest.Length);
            for (var i = 1; i < operands.Count; i++)
            {
                EvaluateCondition(operands[i], target, context, scratch, length);
                if (isAnd)
                {
                    Bits.And(dest, scratch);
                }
                else
                {
                    Bits.Or(dest, scratch);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    private static void EvaluatePredicate(Predicate predicate, FilterTarget target, in FilterContext context, Span<ulong> dest, int length)
    {
        if (predicate.Field.Dataset is not (FilterDataset.Interactions or FilterDataset.ActionInteractions))
        {
            ColumnEvaluator.Evaluate(predicate, context.Candidates, context.CurrentItem, dest, length);
        }
        else if (target == FilterTarget.User)
        {
            InteractionEvaluator.ForUsers(predicate, context.UserEventTypes, dest, length);
        }
        else
        {
            InteractionEvaluator.ForRequestingUser(predicate, context.Interactions, context.InteractionsPerEventType ?? int.MaxValue, dest, length);
        }
    }
}
