namespace Attune.Filters;

/// <summary>Checks a parsed filter against the dataset group's schemas, as CreateFilter does.</summary>
internal static class SchemaValidator
{
    public static void Validate(FilterExpression filter, Func<FilterDataset, string, FilterColumnKind> schema)
    {
        foreach (var clause in filter.Clauses)
        {
            foreach (var predicate in Predicates(clause.Where).Concat(clause.UserConditions))
            {
                Check(predicate, schema);
            }
        }
    }

    private static void Check(Predicate predicate, Func<FilterDataset, string, FilterColumnKind> schema)
    {
        var kind = KindOf(predicate.Field, predicate.Position, schema);
        if (kind == FilterColumnKind.Categorical && predicate.IsOrdering)
        {
            throw FilterExpressionException.At(predicate.Position, $"{predicate.Field} is not numeric, so it cannot be compared with {OperatorText.Of(predicate.Operator)}");
        }

        switch (predicate.Operand)
        {
            case CurrentItemOperand current:
                var currentField = new FilterField(FilterDataset.CurrentItem, current.Column);
                var currentKind = KindOf(currentField, predicate.Position, schema);
                if (currentKind != kind)
                {
                    throw FilterExpressionException.At(predicate.Position, $"{predicate.Field} is {Describe(kind)} but {currentField} is {Describe(currentKind)}; they cannot be compared");
                }

                break;
            case ValuesOperand values when kind == FilterColumnKind.Numeric:
                foreach (var value in values.Values.Where(v => !NumberText.TryParse(v, out _)))
                {
                    throw FilterExpressionException.At(predicate.Position, $"{predicate.Field} is numeric but \"{value}\" is not a number");
                }

                break;
        }
    }

    private static FilterColumnKind KindOf(FilterField field, int position, Func<FilterDataset, string, FilterColumnKind> schema)
    {
        var dataset = field.SchemaDataset;
        var kind = schema(dataset, field.Column);
        return kind switch
        {
            FilterColumnKind.Missing => throw FilterExpressionException.At(position, $"{field} is not a field of the {DatasetNames.Of(dataset)} dataset's schema"),
            FilterColumnKind.NotFilterable => throw FilterExpressionException.At(position, $"{field} is a textual or boolean field, which filters cannot use"),
            _ => kind,
        };
    }

    private static string Describe(FilterColumnKind kind) => kind == FilterColumnKind.Numeric ? "numeric" : "categorical";

    private static IEnumerable<Predicate> Predicates(Condition condition) => condition switch
    {
        Predicate predicate => [predicate],
        AndCondition and => and.Operands.SelectMany(Predicates),
        OrCondition or => or.Operands.SelectMany(Predicates),
        _ => [],
    };
}
