namespace Attune.Filters;

/// <summary>Conditions: fields and operators, with the per-dataset rules of §6.1.</summary>
internal sealed partial class Parser
{
    private const string EventTypeColumn = "EVENT_TYPE";

    private Predicate ParseWherePredicate()
    {
        var position = Current.Position;
        var field = ParseField("a condition such as Items.GENRE IN (\"drama\")");
        CheckWhereDataset(field, position);
        var allowCurrentItem = _target == FilterTarget.Item && field.Dataset == FilterDataset.Items;
        return ParseOperation(field, position, allowCurrentItem);
    }

    private Predicate ParseUserPredicate()
    {
        var position = Current.Position;
        var field = ParseField("a CurrentUser condition such as CurrentUser.AGE > 18");
        if (field.Dataset != FilterDataset.CurrentUser)
        {
            throw FilterExpressionException.At(position, $"an IF clause may test only CurrentUser fields, found {field}; IF must come last in its expression");
        }

        return ParseOperation(field, position, allowCurrentItem: false);
    }

    private FilterField ParseField(string expected)
    {
        if (Current.Kind != TokenKind.Word || IsKeyword(Current))
        {
            throw Expected(expected);
        }

        var datasetToken = Current;
        _next++;
        if (!Accept(TokenKind.Dot))
        {
            throw FilterExpressionException.At(Current, $"expected '.' and a column name after '{datasetToken.Text}' (fields are written Dataset.COLUMN), found {Current.Describe()}");
        }

        if (Current.Kind != TokenKind.Word || IsKeyword(Current))
        {
            throw FilterExpressionException.At(Current, $"expected a column name after '{datasetToken.Text}.', found {Current.Describe()}");
        }

        var column = Current.Text;
        _next++;
        if (!DatasetNames.TryParse(datasetToken.Text, out var dataset))
        {
            var suggestion = DatasetNames.Suggest(datasetToken.Text) is { } plural ? $" (did you mean {plural}?)" : "";
            throw FilterExpressionException.At(datasetToken.Position, $"unknown dataset '{datasetToken.Text}'{suggestion}; use Items, Interactions, Users, Actions, Action_Interactions, CurrentUser or CurrentItem");
        }

        var field = new FilterField(dataset, column);
        _fields.Add((field, datasetToken.Position));
        return field;
    }

    private void CheckWhereDataset(FilterField field, int position)
    {
        switch (field.Dataset)
        {
            case FilterDataset.CurrentUser:
                throw FilterExpressionException.At(position, $"{field} may be used only in an IF clause at the end of the expression (... IF {field} = $VALUE)");
            case FilterDataset.CurrentItem:
                throw FilterExpressionException.At(position, $"{field} can only be compared against, on the right of a condition (Items.{field.Column} IN {field})");
        }

        if (!AllowedDatasets(_target).Contains(field.Dataset))
        {
            var allowed = string.Join(" or ", AllowedDatasets(_target).Select(DatasetNames.Of));
            throw FilterExpressionException.At(position, $"{DatasetNames.Of(field.Dataset)} cannot be used in a {TargetName(_target)} expression; use {allowed}");
        }

        if (_dataset is { } first && first != field.Dataset)
        {
            throw FilterExpressionException.At(position, $"all conditions of one expression must use the dataset of its first condition ({DatasetNames.Of(first)}), found {field}; chain expressions with '|' to combine datasets");
        }

        _dataset = field.Dataset;
        if (IsInteractions(field.Dataset) && !string.Equals(field.Column, EventTypeColumn, StringComparison.OrdinalIgnoreCase))
        {
            throw FilterExpressionException.At(position, $"only EVENT_TYPE can be filtered in {DatasetNames.Of(field.Dataset)}, found {field}");
        }
    }

    private Predicate ParseOperation(FilterField field, int position, bool allowCurrentItem)
    {
        var operatorToken = Current;
        ComparisonOperator op;
        if (Current.IsWord("IN"))
        {
            op = ComparisonOperator.In;
        }
        else if (Current.IsWord("NOT"))
        {
            _next++;
            if (!Current.IsWord("IN"))
            {
                throw Expected("IN");
            }

            op = ComparisonOperator.NotIn;
        }
        else
        {
            op = Current.Kind switch
            {
                TokenKind.Equal => ComparisonOperator.Equal,
                TokenKind.NotEqual => ComparisonOperator.NotEqual,
                TokenKind.Less => ComparisonOperator.Less,
                TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
                TokenKind.Greater => ComparisonOperator.Greater,
                TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
                _ => throw FilterExpressionException.At(Current, $"expected IN, NOT IN or a comparison operator (=, !=, <, <=, >, >=) after {field}, found {Current.Describe()}"),
            };
            if (IsInteractions(field.Dataset))
            {
                throw FilterExpressionException.At(Current, $"{field} can only be used with IN or NOT IN, not {operatorToken.Text}");
            }
        }

        _next++;
        var operand = op is ComparisonOperator.In or ComparisonOperator.NotIn
            ? ParseListOperand(field, allowCurrentItem)
            : ParseComparisonOperand(operatorToken.Text, allowCurrentItem);
        return new Predicate(field, op, operand, position);
    }

    private static bool IsInteractions(FilterDataset dataset) =>
        dataset is FilterDataset.Interactions or FilterDataset.ActionInteractions;

    private static bool IsKeyword(Token token) =>
        token.IsWord("WHERE") || token.IsWord("AND") || token.IsWord("OR") || token.IsWord("IF") || token.IsWord("IN") || token.IsWord("NOT")
        || token.IsWord("INCLUDE") || token.IsWord("EXCLUDE");

    private static FilterDataset[] AllowedDatasets(FilterTarget target) => target switch
    {
        FilterTarget.Item => [FilterDataset.Items, FilterDataset.Interactions],
        FilterTarget.User => [FilterDataset.Users, FilterDataset.Interactions],
        _ => [FilterDataset.Actions, FilterDataset.ActionInteractions],
    };
}
