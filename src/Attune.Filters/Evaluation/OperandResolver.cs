namespace Attune.Filters;

/// <summary>Turns a bound operand into what a column is compared with: interned value ids or numbers. Once per request.</summary>
internal static class OperandResolver
{
    /// <summary>The ids to match; null when the operand is null (no current item, or it has no value).</summary>
    public static int[]? CategoricalIds(Predicate predicate, CategoricalColumn column, AttributeRow currentItem)
    {
        if (predicate.IsOrdering)
        {
            throw new FilterExpressionException($"Invalid filter: {predicate.Field} is not numeric, so it cannot be compared with {OperatorText.Of(predicate.Operator)}");
        }

        var ids = new List<int>();
        switch (predicate.Operand)
        {
            case ValuesOperand values:
                foreach (var value in values.Values)
                {
                    AddId(column, value, ids);
                }

                break;
            case NumberOperand number:
                AddId(column, number.Text, ids);
                break;
            case CurrentItemOperand current:
                if (!currentItem.Exists)
                {
                    return null;
                }

                var source = CurrentItemCategorical(predicate, current, currentItem);
                if (!source.HasValue(currentItem.Index))
                {
                    return null;
                }

                foreach (var id in source.ValueIdsOf(currentItem.Index))
                {
                    if (ReferenceEquals(source, column))
                    {
                        ids.Add(id);
                    }
                    else
                    {
                        AddId(column, source.ValueName(id), ids);
                    }
                }

                break;
        }

        return [.. ids];
    }

    public static double[] Numbers(Predicate predicate, AttributeRow currentItem)
    {
        switch (predicate.Operand)
        {
            case NumberOperand number:
                return [number.Value];
            case ValuesOperand values:
                return values.Values.Select(v => NumberText.TryParse(v, out var parsed)
                    ? parsed
                    : throw new FilterExpressionException($"Invalid filter value: {predicate.Field} is numeric but \"{v}\" is not a number")).ToArray();
            case CurrentItemOperand current when currentItem.Exists:
                if (!currentItem.Table!.TryGetNumeric(current.Column, out var column))
                {
                    throw MissingOrMistyped(predicate, current, "numeric");
                }

                return [column.Span[currentItem.Index]];
            default:
                // A request without a current item compares like a null value.
                return [double.NaN];
        }
    }

    private static CategoricalColumn CurrentItemCategorical(Predicate predicate, CurrentItemOperand current, AttributeRow currentItem) =>
        currentItem.Table!.TryGetCategorical(current.Column, out var source)
            ? source
            : throw MissingOrMistyped(predicate, current, "categorical");

    private static FilterExpressionException MissingOrMistyped(Predicate predicate, CurrentItemOperand current, string kind) =>
        new($"Invalid filter: {predicate.Field} is {kind}, but CurrentItem.{current.Column} is not a {kind} column of the items data");

    private static void AddId(CategoricalColumn column, string value, List<int> ids)
    {
        if (column.TryGetValueId(value, out var id) && !ids.Contains(id))
        {
            ids.Add(id);
        }
    }
}
