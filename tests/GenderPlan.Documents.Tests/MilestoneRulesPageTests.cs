using GenderPlan.Core.Tests;
using GenderPlan.Documents.RuleChanges;

namespace GenderPlan.Documents.Tests;

/// <summary>The rules page shows every milestone of a rule with several, and nothing more for a rule with one target.</summary>
public class MilestoneRulesPageTests
{
    [Fact]
    public void Rules_page_lists_every_milestone_beside_the_final_target_it_edits()
    {
        var plan = StrategyPlan.With(StrategyPlan.SexRatio(), StrategyPlan.Literacy());
        plan.Properties("G4.1")["milestones"]![1]!["target"] = 109.5m;
        var book = plan.Book();

        var html = RulesPage.Render(book, book.FindUnit("ldtbxh")!, editable: true);

        var sexRatio = Row(html, "G4.1");
        Assert.Contains("value=\"109,5\"", sexRatio, StringComparison.Ordinal);
        Assert.Contains("value=\"2030\"", sexRatio, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\">Milestones: </span>2025: 111 · 2030: 109,5</small>", sexRatio, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"milestones\"", Row(html, "G3.1"), StringComparison.Ordinal);
    }

    private static string Row(string html, string code)
    {
        var start = html.IndexOf($"<tr data-code=\"{code}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
