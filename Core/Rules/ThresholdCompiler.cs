using System.Linq.Expressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Turns a rule's <c>Expression</c> into a delegate, once per rules version. The text is parsed by
/// RulesEngine's own parser, so the dialect is exactly the one RulesEngine would run; it is then checked
/// against <see cref="ExpressionAllowList"/> and compiled here, so a syntax error is reported as an error
/// when rules load instead of showing up later as a failed rule that looks like a breach.
/// </summary>
/// <remarks>
/// The two plain thresholds, <c>value &gt;= target</c> and <c>value &lt;= target</c> (every rule of the
/// shipped plan), are recognised from their text and given a fixed delegate: the very comparison
/// RulesEngine's parser builds for them, decimal's operator on the two parameters. The parser's first use
/// scans every type of every loaded assembly, and compiling emits IL; together they were more than half of
/// <c>genderplan score</c>'s start-up. Such a text cannot reach anything else, so no check is lost. Every
/// other expression goes through the parser and the allow-list.
/// </remarks>
public static class ThresholdCompiler
{
    /// <summary>The name of the reported value inside an expression.</summary>
    public const string ValueParameter = "value";

    /// <summary>The name of the rule's target inside an expression.</summary>
    public const string TargetParameter = "target";

    private static readonly Func<decimal, decimal, bool> AtLeast = static (value, target) => value >= target;
    private static readonly Func<decimal, decimal, bool> AtMost = static (value, target) => value <= target;

    /// <summary>Compiles <paramref name="expression"/> or says, in one sentence, why it cannot be used.</summary>
    public static (Func<decimal, decimal, bool>? Threshold, IReadOnlyList<string> Errors) Compile(string expression)
    {
        if (ExpressionGuard.Check(expression) is { } refusal)
        {
            return (null, [refusal]);
        }

        return PlainComparison(expression) is { } comparison ? (comparison, []) : ParseAndCompile(expression);
    }

    /// <summary>
    /// The expression through RulesEngine's parser, the allow-list and the expression compiler, whatever its
    /// form: what <see cref="Compile"/> does for every expression that is not a plain comparison (and what the
    /// tests compare the plain comparisons with).
    /// </summary>
    internal static (Func<decimal, decimal, bool>? Threshold, IReadOnlyList<string> Errors) ParseAndCompile(string expression)
    {
        var value = Expression.Parameter(typeof(decimal), ValueParameter);
        var target = Expression.Parameter(typeof(decimal), TargetParameter);
        Expression parsed;
        try
        {
            parsed = RulesEngineParser.Instance.Parse(expression, [value, target], typeof(bool));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return (null, [$"the expression does not parse: {exception.Message}"]);
        }

        var body = parsed is LambdaExpression lambda ? lambda.Body : parsed;
        var violations = ExpressionAllowList.FindViolations(body, new HashSet<ParameterExpression> { value, target });
        if (violations.Count > 0)
        {
            return (null, ["the expression " + string.Join("; it ", violations)]);
        }

        if (body.Type != typeof(bool))
        {
            return (null, [$"the expression gives a {body.Type.Name}, not true or false"]);
        }

        try
        {
            return (Expression.Lambda<Func<decimal, decimal, bool>>(body, value, target).Compile(), []);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return (null, [$"the expression does not compile: {exception.Message}"]);
        }
    }

    /// <summary>The delegate of <c>value &gt;= target</c> or <c>value &lt;= target</c> (spaces aside), or null.</summary>
    internal static Func<decimal, decimal, bool>? PlainComparison(string expression)
    {
        var text = expression.AsSpan().Trim();
        if (!text.StartsWith(ValueParameter, StringComparison.Ordinal) || !text.EndsWith(TargetParameter, StringComparison.Ordinal)
            || text.Length <= ValueParameter.Length + TargetParameter.Length)
        {
            return null;
        }

        return text[ValueParameter.Length..^TargetParameter.Length].Trim() switch
        {
            ">=" => AtLeast,
            "<=" => AtMost,
            _ => null,
        };
    }

    /// <summary>
    /// RulesEngine's parser, in a class of its own so that its assembly is loaded only when an expression
    /// needs it, not whenever <see cref="ThresholdCompiler"/> is.
    /// </summary>
    private static class RulesEngineParser
    {
        public static readonly RuleExpressionParser Instance = new(new ReSettings());
    }
}
