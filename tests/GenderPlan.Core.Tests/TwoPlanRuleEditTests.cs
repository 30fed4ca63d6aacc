using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The shipped rules hold two plans that share codes (G4.1 in the district's 2016-2020 plan and in Xã Đăk Tô's 2021-2030
/// plan): an edit from the rules page names its plan, and one that does not is refused rather than applied to either.
/// </summary>
public class TwoPlanRuleEditTests
{
    private static IReadOnlyList<RuleSource> Shipped() => RuleSource.FromDirectory(TestRules.RulesDirectory);

    [Fact]
    public void Edit_naming_its_plan_changes_that_plan_alone()
    {
        var edited = RuleEdits.Apply(Shipped(), new RulesEdit([new IndicatorEdit("G4.1", "109,7", null, null, null, null, "xa-dak-to-2021-2030")], null));

        Assert.Empty(edited.Problems);
        var rules = RuleBookLoader.Load(edited.Sources).RuleBook!;
        // The strategy's rule had no baseline: the one typed is the plan's baseline year's (2020).
        var commune = rules.Plans.Single(plan => plan.Id == "xa-dak-to-2021-2030").FindIndicator("G4.1")!.Definition;
        Assert.Equal((109.7m, 2020), (commune.Baseline, commune.BaselineYear));
        Assert.Equal(TestRules.Indicator("G4.1").Baseline, rules.Plans.Single(plan => plan.Id == "dak-to-2016-2020").FindIndicator("G4.1")!.Baseline);
    }

    [Fact]
    public void Edit_of_a_shared_code_without_its_plan_is_refused_naming_both_plans()
    {
        var edited = RuleEdits.Apply(Shipped(), new RulesEdit([new IndicatorEdit("G4.1", null, "104", null, null, null)], null));

        Assert.Empty(edited.Sources);
        Assert.Equal("chỉ tiêu G4.1 có trong nhiều kế hoạch (dak-to-2016-2020, xa-dak-to-2021-2030): cần ghi rõ kế hoạch", Assert.Single(edited.Problems).Text.Vi);
    }

    [Fact]
    public void Code_of_one_plan_alone_needs_no_plan_named()
    {
        var edited = RuleEdits.Apply(Shipped(), new RulesEdit([new IndicatorEdit("G7.4", null, "95", null, null, null)], null));

        Assert.Empty(edited.Problems);
        Assert.Equal(95m, RuleBookLoader.Load(edited.Sources).RuleBook!.Plans[0].FindIndicator("G7.4")!.Target);
    }
}
