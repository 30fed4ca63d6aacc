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
public static class ThresholdCompiler
{
    /// <summary>The name of the reported value inside an expression.</summary>
    public const string ValueParameter = "value";

    /// <summary>The name of the rule's target inside an expression.</summary>
    public const string TargetParameter = "target";

    private static readonly RuleExpressionParser Parser = new(new ReSettings());

    /// <summary>Compiles <paramref name="expression"/> or says, in one sentence, why it cannot be used.</summary>
    public static (Func<decimal, decimal, bool>? Threshold, IReadOnlyList<string> Errors) Compile(string expression)
    {
        if (ExpressionGuard.Check(expression) is { } refusal)
        {
            return (null, [refusal]);
        }

        var value = Expression.Parameter(typeof(decimal), ValueParameter);
        var target = Expression.Parameter(typeof(decimal), TargetParameter);
        Expression parsed;
        try
        {
            parsed = Parser.Parse(expression, [value, target], typeof(bool));
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
}
