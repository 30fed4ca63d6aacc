using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

public class RepositoryRulesTests
{
    /// <summary>The codes of ../shared/domain/indicators.md, in its order.</summary>
    public static readonly string[] PlanCodes =
    [
        "G1.1a.district", "G1.1a.commune", "G1.1b.district", "G1.1b.commune", "G1.2", "G1.3",
        "G2.1", "G2.2", "G2.3", "G2.4", "G3.1", "G3.2a", "G3.2b", "G4.1", "G4.2", "G4.3a", "G4.3b", "G4.4",
        "G5.1", "G5.2", "G6.1", "G6.2a", "G6.2b", "G6.3", "G7.1", "G7.2", "G7.3", "G7.4",
    ];

    [Fact]
    public void Repository_rules_are_valid_and_hold_every_indicator_of_the_plan()
    {
        var result = RuleBookLoader.LoadDirectory(TestRules.RulesDirectory);

        Assert.Empty(result.Problems);
        var plan = Assert.Single(result.RuleBook!.Plans);
        Assert.Equal("dak-to-2016-2020", plan.Id);
        Assert.Equal((2016, 2020), (plan.StartYear, plan.EndYear));
        Assert.Equal(PlanCodes, plan.Indicators.Select(indicator => indicator.Code));
        Assert.Equal(7, plan.Goals.Count);
        Assert.Equal(10, plan.Jurisdictions.Count);
    }

    [Theory]
    [InlineData("G1.1a.district", "percent", ">=", "15.38", "15.38", "btchu")]
    [InlineData("G1.1a.commune", "percent", ">=", "27.77", "26.56", "btchu")]
    [InlineData("G1.1b.district", "percent", ">=", "32", "36.7", "noivu")]
    [InlineData("G2.1", "percent", ">=", "49", "50", "ldtbxh")]
    [InlineData("G3.1", "percent", ">=", "96.5", "98", "gddt")]
    [InlineData("G3.2b", "percent", ">=", "0", "0", "noivu")]
    [InlineData("G4.1", "per-100", "<=", "105", "105", "yte")]
    [InlineData("G4.2", "per-100000", "<=", null, "50", "yte")]
    [InlineData("G4.4", "per-100", "<=", "0", "25", "yte")]
    [InlineData("G5.1", "count", "<=", null, "0", "vhtt")]
    [InlineData("G6.1", "times", "<=", "2", "1.5", "vhtt")]
    [InlineData("G7.3", "category", ">=", "1", "1", "noivu")]
    public void Rules_carry_the_seed_figures(string code, string unit, string direction, string? baseline, string target, string lead)
    {
        var indicator = TestRules.Indicator(code);

        Assert.Equal(unit, indicator.Unit.Id);
        Assert.Equal(direction, indicator.Direction.Symbol());
        Assert.Equal(baseline is null ? null : decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), indicator.Baseline);
        Assert.Equal(decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), indicator.Target);
        Assert.Equal(2020, indicator.Definition.TargetYear);
        Assert.Equal(lead, indicator.Lead);
    }

    [Fact]
    public void Every_unit_of_the_plan_has_a_name_and_an_address()
    {
        var units = TestRules.Book.Units;

        Assert.Equal(14, units.Count);
        Assert.All(units, unit => Assert.NotEmpty(unit.Emails));
        Assert.Equal("Phòng Lao động – Thương binh và Xã hội", TestRules.Book.FindUnit("ldtbxh")!.Name);
    }

    [Theory]
    [InlineData("G4.1", "105", true)]
    [InlineData("G4.1", "105.01", false)]
    [InlineData("G3.1", "98", true)]
    [InlineData("G3.1", "97.99", false)]
    [InlineData("G7.3", "2", true)]
    [InlineData("G7.3", "0", false)]
    public void Thresholds_compare_the_value_with_the_target(string code, string value, bool meets)
    {
        Assert.Equal(meets, TestRules.Indicator(code).MeetsTarget(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Changing_the_target_in_properties_moves_the_threshold_too()
    {
        var workflow = TestRules.WorkflowJson();
        TestRules.Rule(workflow, "G3.1")["Properties"]!["target"] = 99;

        var plan = TestRules.Load(workflow).RuleBook!.Plans[0];

        Assert.False(plan.FindIndicator("G3.1")!.MeetsTarget(98.5m));
        Assert.True(plan.FindIndicator("G3.1")!.MeetsTarget(99m));
    }

    [Fact]
    public void Rules_version_changes_when_a_recipient_changes()
    {
        var units = TestRules.UnitsJson();
        units["units"]![0]!["emails"] = new System.Text.Json.Nodes.JsonArray("new@example.org");

        var changed = TestRules.Load(TestRules.WorkflowJson(), units).RuleBook!;
        var same = TestRules.Load(TestRules.WorkflowJson()).RuleBook!;

        Assert.NotEqual(same.Version, changed.Version);
        Assert.NotEqual(same.Plans[0].Version, changed.Plans[0].Version);
        Assert.Equal(same.Version, TestRules.Load(TestRules.WorkflowJson()).RuleBook!.Version);
    }
}
