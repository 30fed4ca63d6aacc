using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// A rules file is uploaded by officials, so its expressions are untrusted code. Each of these must be
/// refused when the rules load, with a message naming the rule, and the process must survive it.
/// </summary>
public class HostileExpressionTests
{
    private static readonly SmallPlan Plan = SmallPlan.With(
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls"));

    public static TheoryData<string, string> Hostile => new()
    {
        { "value.GetType().Assembly.FullName.Length > 0", "GetType" },
        { "value.GetType() != null", "GetType" },
        { "DateTime.Now.Year > 2000", "DateTime.Now" },
        { "DateTime.UtcNow.Ticks > 0", "DateTime.UtcNow" },
        { "Enumerable.Range(0, 100000000).Count() > 0", "Enumerable.Range" },
        { "\"x\".PadLeft(1000000000).Length > value", "text literals" },
        { "value.ToString().PadLeft(1000000000).Length > 0", "ToString" },
        { "Math.Pow(value, 2) > 0", "Pow" },
        { "Environment.ProcessorCount > 0", "Environment" },
        { "Convert.ToInt32(value) > 0", "Convert" },
        { "np(value) > 0 && value >= target", "" },
        { "new(value as x).x > 0", "" },
        { "AppDomain.CurrentDomain.FriendlyName.Length > 0", "" },
        { "value >= target || value.GetHashCode() == 0", "GetHashCode" },
        { "Type.GetType(\"System.IO.File\") != null", "text literals" },
        { "@0 > 1", "not allowed" },
        { "it > 1", "" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_expression_is_refused_when_rules_load(string expression, string words)
    {
        var plan = Plan.Copy();
        plan.Rule("G3.1")["Expression"] = expression;

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("rule G3.1.Expression", problem.Location?.ToString());
        Assert.Contains(words, problem.Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2000, "characters long")]
    [InlineData(11, "nested more than 10 deep")]
    public void Deeply_nested_parentheses_are_refused_before_parsing(int depth, string words)
    {
        var plan = Plan.Copy();
        plan.Rule("G3.1")["Expression"] = new string('(', depth) + "value" + new string(')', depth) + " >= target";

        var result = plan.Load();

        var problem = Assert.Single(result.Problems);
        Assert.Contains(words, problem.Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_expression_is_refused_before_parsing()
    {
        var plan = Plan.Copy();
        plan.Rule("G3.1")["Expression"] = "value >= target" + string.Concat(Enumerable.Repeat(" && value >= 0", 5000));

        var problem = Assert.Single(plan.Load().Problems);

        Assert.Contains("characters long", problem.Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value >= target")]
    [InlineData("value >= target && value <= 100")]
    [InlineData("(value - target) >= 0")]
    [InlineData("Math.Round(value, 1) >= target")]
    [InlineData("!(value < target)")]
    [InlineData("value * 1.0 >= target")]
    public void Thresholds_written_with_arithmetic_and_helpers_are_accepted(string expression)
    {
        var (threshold, errors) = ThresholdCompiler.Compile(expression);

        Assert.Empty(errors);
        Assert.True(threshold!(98m, 98m));
        Assert.False(threshold(97m, 98m));
    }
}
