using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// The province report from report files scored offline (<c>genderplan report --period P FILE...</c>), with no
/// storage: the district's files give its figures, the communes' files their own figures and, added up
/// (<see cref="CommuneRollUp"/>), the district's figures nobody reported directly, as the workflow does. Senders and
/// arrival dates are unknown offline, so the reporting sheet lists every report owed as not received and names
/// the files read.
/// </summary>
public static class OfflineProvinceReport
{
    /// <summary>The report of <paramref name="period"/> for <paramref name="plan"/>'s district from <paramref name="cards"/>; later files win.</summary>
    public static ProvinceReport Build(RuleBook rules, Plan plan, Period period, IReadOnlyList<Scorecard> cards, DateTimeOffset now) =>
        Build(rules, plan, ReportScope.Regular(period), cards, now);

    /// <summary>The report of <paramref name="scope"/> (one period, or a review's span of years) from <paramref name="cards"/>; later files win.</summary>
    public static ProvinceReport Build(RuleBook rules, Plan plan, ReportScope scope, IReadOnlyList<Scorecard> cards, DateTimeOffset now)
    {
        var mine = cards.Where(card => card.PlanId == plan.Id && scope.Covers(card.Period)).ToList();
        var input = OfflineDashboard.Build(rules, plan, plan.District.Id, mine, now, ReportingCalendar.VietnamDate(now));
        var communes = mine.Where(card => !plan.IsDistrict(card.Jurisdiction)).ToList();
        var sums = communes.Select(card => card.Period).Distinct().SelectMany(each => CommuneRollUp.Compute(
                plan,
                each,
                [.. communes.Where(card => card.Period == each).SelectMany(card => card.Scores.Select(score => new CommuneFigure(card.Jurisdiction, score.Indicator.Code, score.Value, score.Measurement.Counts)))])
            .Select(sum => new DashboardResult(sum.Score.Indicator.Code, each, sum.Score.Status, sum.Score.Value, ScoreExplainer.Explain(sum.Score), FigureSource.Communes, sum.Coverage)));
        var byCommune = communes
            .GroupBy(card => card.Jurisdiction, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<DashboardResult>)[.. group.SelectMany(card => card.Scores.Select(score => new DashboardResult(score.Indicator.Code, card.Period, score.Status, score.Value, ScoreExplainer.Explain(score))))],
                StringComparer.Ordinal);
        var files = mine.Where(card => !plan.IsDistrict(card.Jurisdiction)).Select(card => new DashboardReport(card.Period, null, Path.GetFileName(card.File), null, null, card.Jurisdiction));
        input = input with { Results = [.. input.Results, .. sums], Reports = [.. input.Reports, .. files], CommuneResults = byCommune };
        return ProvinceReportBuilder.Build(input, scope);
    }
}
