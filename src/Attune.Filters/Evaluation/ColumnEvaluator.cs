namespace Attune.Filters;

/// <summary>
/// Evaluates one attribute condition over every row of a table. Categorical IN / = walk the inverted index:
/// O(rows matching + words); NOT IN is a word-wise complement; numeric conditions scan the column: O(rows).
/// </summary>
internal static class ColumnEvaluator
{
    public static void Evaluate(Predicate predicate, IAttributeTable table, AttributeRow currentItem, Span<ulong> dest, int length)
    {
        if (table.TryGetCategorical(predicate.Field.Column, out var categorical))
        {
            Categorical(predicate, categorical, OperandResolver.CategoricalIds(predicate, categorical, currentItem), dest, length);
        }
        else if (table.TryGetNumeric(predicate.Field.Column, out var numeric))
        {
            NumericScan.Evaluate(predicate.Operator, numeric.Span, OperandResolver.Numbers(predicate, currentItem), dest);
        }
        else
        {
            throw MissingColumn(predicate.Field);
        }
    }

    /// <summary>
    /// Rows holding any of <paramref name="ids"/> (or, negated, the complement; != also drops rows without a value).
    /// Null ids (a null operand) match nothing, so only NOT IN passes every row.
    /// </summary>
    public static void Categorical(Predicate predicate, CategoricalColumn column, int[]? ids, Span<ulong> dest, int length)
    {
        dest.Clear();
        if (ids is null)
        {
            if (predicate.Operator == ComparisonOperator.NotIn)
            {
                Bits.SetAll(dest, length);
            }

            return;
        }

        foreach (var id in ids)
        {
            foreach (var row in column.RowsWith(id))
            {
                Bits.Set(dest, row);
            }
        }

        if (!predicate.IsNegated)
        {
            return;
        }

        Bits.Complement(dest, length);
        if (predicate.Operator == ComparisonOperator.NotEqual)
        {
            for (var row = 0; row < length; row++)
            {
                if (!column.HasValue(row))
                {
                    dest[row >> 6] &= ~(1UL << row);
                }
            }
        }
    }

    public static FilterExpressionException MissingColumn(FilterField field) =>
        new($"Invalid filter: {field} does not exist in the {DatasetNames.Of(field.SchemaDataset)} data");
}
