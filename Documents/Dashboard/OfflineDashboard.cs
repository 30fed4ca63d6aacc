using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Documents.Dashboard;

/// <summary>Builds the page's input from scorecards scored offline (the <c>dashboard REPORT...</c> command).</summary>
public static class OfflineDashboard
{
    /// <summary>The input for <paramref name="jurisdiction"/>; later files win for the same indicator and period.</summary>
    public static DashboardInput Build(RuleBook rules, Plan plan, string jurisdiction, IReadOnlyList<Scorecard> cards, DateTimeOffset now, DateOnly today)
    {
        var mine = cards.Where(card => card.Jurisdiction == jurisdiction && card.PlanId == plan.Id).ToList();
        var results = mine
            .SelectMany(card => card.Scores.Select(score => new DashboardResult(score.Indicator.Code, card.Period, score.Status, score.Value, ScoreExplainer.Explain(score))))
            .ToList();
        var reports = mine.Select(card => new DashboardReport(card.Period, null, Path.GetFileName(card.File), null, null)).ToList();
        return new DashboardInput(rules, plan, jurisdiction, results, reports, today, now, [], ShowsFileNames: true);
    }
}
