using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>How a rule writes its milestones: either form is read into one list, and a list that cannot be read one way only is refused with the field named.</summary>
public class MilestoneRulesTests
{
    private static SmallPlan Valid() => StrategyPlan.With(StrategyPlan.SexRatio(), StrategyPlan.WomenLeaders(), StrategyPlan.Literacy());

    [Fact]
    public void Both_forms_load_into_one_ascending_list()
    {
        var plan = Valid().Plan();

        Assert.Equal([new Milestone(2025, 111m), new Milestone(2030, 109m)], plan.FindIndicator("G4.1")!.Milestones);
        Assert.Equal([new Milestone(2030, 98m)], plan.FindIndicator("G3.1")!.Milestones);
        // existing callers read the final milestone as the target
        Assert.Equal((109m, 2030), (plan.FindIndicator("G4.1")!.Target, plan.FindIndicator("G4.1")!.Definition.TargetYear));
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        // the case, where the problem is reported, words of the message
        { "both forms", "rule G4.1.Properties.target", "either as milestones or as one target" },
        { "both forms, year", "rule G4.1.Properties.targetYear", "either as milestones or as one target" },
        { "neither form", "rule G1.2.Properties.target", "is required" },
        { "unsorted", "rule G4.1.Properties.milestones[1].year", "2025 comes after 2030; list the milestones by year" },
        { "duplicate year", "rule G4.1.Properties.milestones[1].year", "2025 is listed twice" },
        { "year not after the baseline", "rule G4.1.Properties.milestones[0].year", "2020 is not after the baseline year 2020" },
        { "year outside the plan", "rule G4.1.Properties.milestones[1].year", "2035 is outside the plan's years 2021-2030" },
        { "percentage above 100", "rule G1.2.Properties.milestones[1].target", "above 100" },
        { "empty list", "rule G1.2.Properties.milestones", "at least one milestone" },
        { "milestone without target", "rule G1.2.Properties.milestones[0].target", "is required" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Milestones_that_cannot_be_read_one_way_are_refused_naming_the_field(string refusal, string location, string words)
    {
        var plan = Valid();
        var milestones41 = plan.Properties("G4.1")["milestones"]!.AsArray();
        var milestones12 = plan.Properties("G1.2")["milestones"]!.AsArray();
        switch (refusal)
        {
            case "both forms": plan.Properties("G4.1")["target"] = 109; break;
            case "both forms, year": plan.Properties("G4.1")["targetYear"] = 2030; break;
            case "neither form": plan.Properties("G1.2").Remove("milestones"); break;
            case "unsorted": milestones41[0]!["year"] = 2030; milestones41[1]!["year"] = 2025; break;
            case "duplicate year": milestones41[1]!["year"] = 2025; break;
            case "year not after the baseline": milestones41[0]!["year"] = 2020; break;
            case "year outside the plan": milestones41[1]!["year"] = 2035; break;
            case "percentage above 100": milestones12[1]!["target"] = 120; break;
            case "empty list": plan.Properties("G1.2")["milestones"] = new JsonArray(); break;
            case "milestone without target": milestones12[0]!.AsObject().Remove("target"); break;
            default: throw new ArgumentException(refusal);
        }

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.Location?.ToString() == location && problem.Text.En.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_lists_each_changed_added_or_dropped_milestone_and_a_single_target_as_before()
    {
        var before = Valid().Book();
        var edited = Valid();
        edited.Properties("G4.1")["milestones"]![0]!["target"] = 110;
        edited.Properties("G1.2")["milestones"] = JsonNode.Parse("""[{ "year": 2027, "target": 70 }, { "year": 2030, "target": 75 }]""");
        edited.Properties("G3.1")["target"] = 97.5m;

        var lines = RulesDiff.Between(before, edited.Book());

        Assert.Equal(
            [
                "G4.1: mốc năm 2025: 111 trẻ trai/100 trẻ gái → 110 trẻ trai/100 trẻ gái",
                "G1.2: bỏ mốc năm 2025 (60%)",
                "G1.2: thêm mốc năm 2027: 70%",
                "G3.1: chỉ tiêu 98% → 97,5%",
            ],
            lines);
    }

    [Fact]
    public void Rules_page_target_edits_the_final_milestone_of_a_rule_with_milestones()
    {
        var plan = Valid();

        var edited = RuleEdits.Apply(plan.Sources(), new RulesEdit([new IndicatorEdit("G4.1", null, "108,5", null, null, null)], null));

        Assert.Empty(edited.Problems);
        var book = RuleBookLoader.Load(edited.Sources).RuleBook!;
        Assert.Equal([new Milestone(2025, 111m), new Milestone(2030, 108.5m)], book.Plans[0].FindIndicator("G4.1")!.Milestones);
        Assert.Equal(["G4.1: mốc năm 2030: 109 trẻ trai/100 trẻ gái → 108,5 trẻ trai/100 trẻ gái"], RulesDiff.Between(plan.Book(), book));
    }
}
