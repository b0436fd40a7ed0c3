using System.Globalization;

namespace Attune.Filters;

/// <summary>Right-hand sides: value lists, "*", numbers, $parameters and CurrentItem references.</summary>
internal sealed partial class Parser
{
    private Operand ParseListOperand(FilterField field, bool allowCurrentItem)
    {
        if (Current.IsWord("CurrentItem"))
        {
            return ParseCurrentItem(allowCurrentItem);
        }

        if (Current.Kind == TokenKind.Parameter)
        {
            return ParseParameter();
        }

        var open = Current;
        if (!Accept(TokenKind.OpenParen))
        {
            throw Expected("'(' with double-quoted values, a $parameter or \"*\"");
        }

        Operand operand;
        if (Current.Kind == TokenKind.Parameter)
        {
            operand = ParseParameter();
            if (Current.Kind == TokenKind.Comma)
            {
                throw FilterExpressionException.At(Current, "a $parameter must be the only entry of its list; its values come from filterValues");
            }
        }
        else
        {
            operand = ParseValues(field, open);
        }

        if (!Accept(TokenKind.CloseParen))
        {
            throw FilterExpressionException.At(Current, $"expected ')' to close the value list opened at position {open.Position}, found {Current.Describe()}");
        }

        return operand;
    }

    private Operand ParseValues(FilterField field, Token open)
    {
        var values = new List<string>();
        var wildcard = false;
        while (true)
        {
            var value = Current;
            switch (value.Kind)
            {
                case TokenKind.Star:
                case TokenKind.String when value.Text == "*":
                    CheckWildcard(field, value, values.Count);
                    wildcard = true;
                    break;
                case TokenKind.String or TokenKind.Number:
                    values.Add(value.Text);
                    break;
                case TokenKind.CloseParen when values.Count == 0:
                    throw FilterExpressionException.At(value, "the value list is empty; put at least one double-quoted value between the parentheses");
                case TokenKind.Parameter:
                    throw FilterExpressionException.At(value, "a $parameter must be the only entry of its list; its values come from filterValues");
                case TokenKind.Word:
                    throw FilterExpressionException.At(value, $"expected a double-quoted value, found '{value.Text}'; write values in double quotes (\"{value.Text}\")");
                default:
                    throw Expected("a double-quoted value");
            }

            _next++;
            if (Current.Kind == TokenKind.Comma)
            {
                if (wildcard)
                {
                    throw FilterExpressionException.At(value, "\"*\" must be the only entry of its list");
                }

                _next++;
                continue;
            }

            if (Current.Kind != TokenKind.CloseParen)
            {
                throw FilterExpressionException.At(Current, $"expected ',' or ')' in the value list opened at position {open.Position}, found {Current.Describe()}");
            }

            return wildcard ? AnyOperand.Instance : new ValuesOperand(values);
        }
    }

    private static void CheckWildcard(FilterField field, Token value, int valuesBefore)
    {
        if (!IsInteractions(field.Dataset))
        {
            throw FilterExpressionException.At(value, $"\"*\" (any value) is allowed only with Interactions.EVENT_TYPE, not with {field}");
        }

        if (valuesBefore > 0)
        {
            throw FilterExpressionException.At(value, "\"*\" must be the only entry of its list");
        }
    }

    private Operand ParseComparisonOperand(string op, bool allowCurrentItem)
    {
        switch (Current.Kind)
        {
            case TokenKind.Number:
                var number = Current;
                _next++;
                return new NumberOperand(double.Parse(number.Text, CultureInfo.InvariantCulture), number.Text);
            case TokenKind.Parameter:
                return ParseParameter();
            case TokenKind.OpenParen:
                var open = Current;
                _next++;
                if (Current.Kind is not (TokenKind.Number or TokenKind.Parameter))
                {
                    throw Expected("a number or a $parameter");
                }

                var inner = ParseComparisonOperand(op, allowCurrentItem);
                if (!Accept(TokenKind.CloseParen))
                {
                    throw FilterExpressionException.At(Current, $"expected ')' to close the '(' at position {open.Position}, found {Current.Describe()}");
                }

                return inner;
            case TokenKind.String:
                throw FilterExpressionException.At(Current, $"{op} compares numbers, not {Current.Describe()}; match strings with IN (\"{Current.Text}\")");
            case TokenKind.Word when Current.IsWord("CurrentItem"):
                return ParseCurrentItem(allowCurrentItem);
            default:
                throw Expected($"a number, a $parameter or CurrentItem.COLUMN after {op}");
        }
    }

    private ParameterOperand ParseParameter()
    {
        var name = Current.Text;
        _parameters.Add(name);
        _next++;
        return new ParameterOperand(name);
    }

    private CurrentItemOperand ParseCurrentItem(bool allowed)
    {
        var position = Current.Position;
        var field = ParseField("CurrentItem.COLUMN");
        if (!allowed)
        {
            throw FilterExpressionException.At(position, $"{field} can be used only in conditions on Items fields of ItemID expressions (related-items recommendations)");
        }

        return new CurrentItemOperand(field.Column);
    }
}
