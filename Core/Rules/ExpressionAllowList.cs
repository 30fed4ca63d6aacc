using System.Linq.Expressions;
using System.Reflection;

namespace GenderPlan.Core.Rules;

/// <summary>
/// Walks a parsed threshold and refuses anything outside what thresholds need: the parameters
/// <c>value</c> and <c>target</c>, numbers, comparisons, arithmetic, logic, and a few <see cref="Math"/>
/// helpers. Through RulesEngine an expression could otherwise reach reflection (<c>GetType()</c>), the
/// clock (<c>DateTime.Now</c>), <c>Enumerable</c> or string padding; an allow-list fails closed where a
/// deny-list would miss the next trick.
/// </summary>
public sealed class ExpressionAllowList : ExpressionVisitor
{
    private static readonly HashSet<ExpressionType> AllowedBinary =
    [
        ExpressionType.Add, ExpressionType.Subtract, ExpressionType.Multiply, ExpressionType.Divide,
        ExpressionType.LessThan, ExpressionType.LessThanOrEqual, ExpressionType.GreaterThan,
        ExpressionType.GreaterThanOrEqual, ExpressionType.Equal, ExpressionType.NotEqual,
        ExpressionType.AndAlso, ExpressionType.OrElse,
    ];

    private static readonly HashSet<Type> NumericTypes =
    [
        typeof(decimal), typeof(double), typeof(float), typeof(int), typeof(long), typeof(short), typeof(byte),
    ];

    private static readonly HashSet<string> AllowedMathMethods = ["Abs", "Min", "Max", "Round"];

    private readonly IReadOnlySet<ParameterExpression> _parameters;
    private readonly List<string> _violations = [];

    private ExpressionAllowList(IReadOnlySet<ParameterExpression> parameters) => _parameters = parameters;

    /// <summary>Returns every construct in <paramref name="expression"/> that is not allowed.</summary>
    public static IReadOnlyList<string> FindViolations(Expression expression, IReadOnlySet<ParameterExpression> parameters)
    {
        var walker = new ExpressionAllowList(parameters);
        walker.Visit(expression);
        return walker._violations.Distinct().ToList();
    }

    /// <inheritdoc />
    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        switch (node)
        {
            case BinaryExpression binary when AllowedBinary.Contains(binary.NodeType) && IsAllowedOperator(binary.Method):
            case UnaryExpression { NodeType: ExpressionType.Not or ExpressionType.Negate or ExpressionType.UnaryPlus } unary
                when IsAllowedOperator(unary.Method):
            case ConditionalExpression:
                return base.Visit(node);
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } conversion
                when IsNumericOrBool(conversion.Type) && IsNumericOrBool(conversion.Operand.Type) && IsAllowedOperator(conversion.Method):
                return base.Visit(node);
            case ParameterExpression parameter when _parameters.Contains(parameter):
                return node;
            case ConstantExpression constant when constant.Value is null || IsNumericOrBool(constant.Type):
                return node;
            case MethodCallExpression call when call.Object is null && call.Method.DeclaringType == typeof(Math)
                && AllowedMathMethods.Contains(call.Method.Name):
                return base.Visit(node);
            default:
                // Keep walking: "value.GetType().Assembly" should name GetType, not only the outer member.
                _violations.Add(Describe(node));
                return base.Visit(node);
        }
    }

    private static bool IsAllowedOperator(MethodInfo? method) =>
        method is null || (method.DeclaringType is { } type && IsNumericOrBool(type) && method.Name.StartsWith("op_", StringComparison.Ordinal));

    private static bool IsNumericOrBool(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(bool) || NumericTypes.Contains(underlying);
    }

    private static string Describe(Expression node) => node switch
    {
        MethodCallExpression call => $"calls {call.Method.DeclaringType?.Name}.{call.Method.Name}(), which thresholds may not use",
        MemberExpression member => $"reads {member.Member.DeclaringType?.Name}.{member.Member.Name}, which thresholds may not use",
        ParameterExpression parameter => $"uses '{parameter.Name}'; only 'value' and 'target' exist",
        ConstantExpression constant => $"uses a {constant.Type.Name} constant; only numbers and true/false are allowed",
        NewExpression or NewArrayExpression or MemberInitExpression or ListInitExpression => "creates objects, which thresholds may not do",
        LambdaExpression => "defines a function, which thresholds may not do",
        _ => $"uses {node.NodeType}, which thresholds may not use",
    };
}
