using System.Text.Json.Nodes;
using GenderPlan.Core.Approval;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Who may approve or return a report, and what stands: the plan's setting, the coordinator, a commune's own committee
/// where the plan lets the chair approve, a reason for every return, and the first decision kept.
/// </summary>
public class ReportDecisionRuleTests
{
    private static (RuleBook Rules, Plan Plan) Load(JsonNode? approval)
    {
        var workflow = TestRules.WorkflowJson();
        if (approval is not null)
        {
            workflow["Plan"]!["approval"] = approval;
        }

        var rules = TestRules.Load(workflow).RuleBook!;
        return (rules, rules.Plans.Single());
    }

    [Fact]
    public void A_plan_without_the_setting_does_not_use_approval()
    {
        var (rules, plan) = Load(null);

        Assert.False(plan.Approval.Required);
        Assert.Equal(DecisionRefusal.NotUsed, ReportDecisions.Check(rules, plan, "ldtbxh", "dak-to", "return", "Sai").Refusal);
    }

    [Theory]
    // unit, report's place, commune chair may approve, allowed
    [InlineData("ldtbxh", "dak-to", false, true)]
    [InlineData("ldtbxh", "tan-canh", false, true)]
    [InlineData("ubnd-tan-canh", "tan-canh", true, true)]
    [InlineData("ubnd-tan-canh", "tan-canh", false, false)]
    [InlineData("ubnd-tan-canh", "po-ko", true, false)]
    [InlineData("ubnd-tan-canh", "dak-to", true, false)]
    [InlineData("yte", "dak-to", true, false)]
    [InlineData("ubnd-xa", "tan-canh", true, false)]
    public void The_coordinator_decides_every_report_and_a_committee_only_its_own_communes_where_the_plan_allows(string unit, string place, bool communeChair, bool allowed)
    {
        var (rules, plan) = Load(new JsonObject { ["required"] = true, ["communeChairMayApprove"] = communeChair });

        Assert.Equal(allowed, ReportDecisions.MayDecide(rules, plan, unit, place));
        Assert.Equal(allowed ? null : DecisionRefusal.NotAllowed, ReportDecisions.Check(rules, plan, unit, place, "approve", null).Refusal);
    }

    [Theory]
    [InlineData("approve", null, null)]
    [InlineData("APPROVE", "", null)]
    [InlineData("return", "Sai số liệu G4.1", null)]
    [InlineData("return", "", DecisionRefusal.ReasonMissing)]
    [InlineData("return", "   ", DecisionRefusal.ReasonMissing)]
    [InlineData("return", null, DecisionRefusal.ReasonMissing)]
    [InlineData("reject", "Sai", DecisionRefusal.UnknownDecision)]
    [InlineData(null, "Sai", DecisionRefusal.UnknownDecision)]
    public void A_return_needs_a_reason_and_only_approve_or_return_are_decisions(string? word, string? reason, DecisionRefusal? refusal)
    {
        var (rules, plan) = Load(new JsonObject { ["required"] = true });

        Assert.Equal(refusal, ReportDecisions.Check(rules, plan, "ldtbxh", "dak-to", word, reason).Refusal);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var (rules, plan) = Load(new JsonObject { ["required"] = true });

        Assert.Null(ReportDecisions.Check(rules, plan, "ldtbxh", "dak-to", "return", new string('a', ReportDecisions.MaxReasonLength)).Refusal);
        Assert.Equal(DecisionRefusal.ReasonTooLong, ReportDecisions.Check(rules, plan, "ldtbxh", "dak-to", "return", new string('a', ReportDecisions.MaxReasonLength + 1)).Refusal);
    }

    [Theory]
    [InlineData(null, DecisionKind.Return, false, null)]
    [InlineData(ApprovalState.Approved, DecisionKind.Approve, true, null)]
    [InlineData(ApprovalState.Returned, DecisionKind.Return, true, null)]
    [InlineData(ApprovalState.Returned, DecisionKind.Approve, false, DecisionRefusal.AlreadyDecided)]
    [InlineData(ApprovalState.Approved, DecisionKind.Return, false, DecisionRefusal.AlreadyDecided)]
    public void The_first_decision_stands(ApprovalState? current, DecisionKind kind, bool keepFirst, DecisionRefusal? refusal)
    {
        var stamp = current is { } state ? new DecisionStamp(state, "ldtbxh", DateTimeOffset.UnixEpoch, "") : null;

        Assert.Equal((keepFirst, refusal), ReportDecisions.Against(stamp, kind));
    }

    [Fact]
    public void A_commune_chair_without_approval_required_is_named_as_a_problem()
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["approval"] = new JsonObject { ["required"] = false, ["communeChairMayApprove"] = true };

        var problem = Assert.Single(TestRules.Load(workflow).Problems);

        Assert.Contains("communeChairMayApprove", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_approval_setting_is_refused_by_the_schema()
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["approval"] = new JsonObject { ["required"] = "yes" };

        Assert.Contains(TestRules.Load(workflow).Problems, problem => problem.ToString().Contains("approval", StringComparison.Ordinal));
    }
}
