namespace GenderPlan.Core.Tests;

/// <summary>When a plan is archived: marked so in its header, or past the day after its last report's deadline.</summary>
public class ArchivedPlanRuleTests
{
    [Theory]
    // The 2016-2020 plan's last report is the 2020 annual one, due 25/11/2020; its overdue notice goes out on 26/11.
    [InlineData(null, "2020-11-26", false)]
    [InlineData(null, "2020-11-27", true)]
    [InlineData(null, "2026-12-04", true)]
    [InlineData(false, "2019-06-08", false)]
    [InlineData(true, "2019-06-08", true)]
    public void A_plan_is_archived_when_marked_or_once_its_last_report_is_past_due(bool? marked, string today, bool archived)
    {
        var workflow = TestRules.WorkflowJson();
        if (marked is { } flag)
        {
            workflow["Plan"]!["archived"] = flag;
        }

        var plan = TestRules.Load(workflow).RuleBook!.Plans.Single();

        Assert.Equal(archived, plan.IsArchivedOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Archived_must_be_true_or_false()
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["archived"] = "yes";

        var problem = Assert.Single(TestRules.Load(workflow).Problems);

        Assert.Contains("Plan.archived", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("is not true or false", problem.ToString(), StringComparison.Ordinal);
    }
}
