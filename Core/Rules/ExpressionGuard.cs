namespace GenderPlan.Core.Rules;

/// <summary>
/// Cheap checks on an expression's text before the parser sees it. The Dynamic LINQ parser recurses once
/// per nesting level, so about 2,000 nested parentheses overflow the stack and kill the process: that has
/// to be refused before parsing, not caught after.
/// </summary>
public static class ExpressionGuard
{
    /// <summary>Longest expression accepted; the plan's thresholds need a few dozen characters.</summary>
    public const int MaxLength = 300;

    /// <summary>Deepest parenthesis nesting accepted.</summary>
    public const int MaxNesting = 10;

    /// <summary>Returns why the text is refused, or null when the parser may see it.</summary>
    public static string? Check(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "the expression is empty";
        }

        if (expression.Length > MaxLength)
        {
            return $"the expression is {expression.Length} characters long; at most {MaxLength} are allowed";
        }

        var depth = 0;
        foreach (var character in expression)
        {
            switch (character)
            {
                case '(':
                    depth++;
                    if (depth > MaxNesting)
                    {
                        return $"parentheses are nested more than {MaxNesting} deep";
                    }

                    break;
                case ')':
                    depth--;
                    if (depth < 0)
                    {
                        return "a ')' has no matching '('";
                    }

                    break;
                case '"' or '\'' or '`':
                    return "text literals are not allowed in a threshold; compare 'value' with numbers or 'target'";
                case '[' or ']' or '{' or '}' or '@' or '$' or '#' or '\\' or ';' or '^' or '~':
                    return $"the character '{character}' is not allowed in a threshold";
                default:
                    if (char.IsControl(character) && !char.IsWhiteSpace(character))
                    {
                        return "the expression contains a control character";
                    }

                    break;
            }
        }

        return depth == 0 ? null : "a '(' is never closed";
    }
}
