using GenderPlan.Core.Tests;
using GenderPlan.Documents.RuleChanges;

namespace GenderPlan.Documents.Tests;

/// <summary>The rules page shows every milestone of a rule with several, and nothing more for a rule with one target.</summary>
public class MilestoneRulesPageTests
{
    [Fact]
    public void Rules_page_lists_every_milestone_beside_the_final_target_it_edits()
    {
        var book = SmallPlan.With(
                SmallPlan.WithMilestones(SmallPlan.Rule("G4.1", "<=", baseline: 115m, target: 111m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"), 2020, (2025, 111m), (2030, 109.5m)),
                SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, targetYear: 2030))
            .ForYears(2021, 2030).Book();

        var html = RulesPage.Render(book, book.FindUnit("ldtbxh")!, editable: true);

        var sexRatio = Row(html, "G4.1");
        Assert.Contains("value=\"109,5\"", sexRatio, StringComparison.Ordinal);
        Assert.Contains("value=\"2030\"", sexRatio, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\">Milestones: </span>2025: 111 · 2030: 109,5</small>", sexRatio, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"milestones\"", Row(html, "G3.1"), StringComparison.Ordinal);
    }

    private static string Row(string html, string code)
    {
        var start = html.IndexOf($"<tr data-code=\"{code}\">", StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
