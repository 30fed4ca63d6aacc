using GenderPlan.Core.Tests;
using GenderPlan.Documents.Uploads;

namespace GenderPlan.Documents.Tests;

/// <summary>Once no report is due, the upload page still says when reports fall due: from the plan's calendar, not fixed words.</summary>
public class UploadPageDeadlineTests
{
    [Theory]
    [InlineData("06-15", "11-25", "Gửi báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 25/11.", "Semi-annual reports are due before 15 June, annual reports before 25 November.")]
    [InlineData("06-30", "12-15", "Gửi báo cáo 6 tháng trước ngày 30/6 và báo cáo năm trước ngày 15/12.", "Semi-annual reports are due before 30 June, annual reports before 15 December.")]
    public void Page_after_the_plan_gives_the_plans_own_deadlines(string firstHalf, string annual, string vietnamese, string english)
    {
        var plan = SmallPlan.With(SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m));
        plan.Workflow["Plan"]!["deadlines"] = new System.Text.Json.Nodes.JsonObject { ["firstHalf"] = firstHalf, ["annual"] = annual };
        var rules = plan.Book();

        var html = UploadPage.Render(new UploadPageInput(rules, rules.Units.First(unit => unit.Group is null), false, new DateOnly(2026, 12, 4)));

        Assert.Contains(vietnamese, html, StringComparison.Ordinal);
        Assert.Contains(english, html, StringComparison.Ordinal);
    }
}
