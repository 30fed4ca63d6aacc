using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// Builds the <see cref="ProvinceReport"/> of one period from what the scorecard page of the district reads (the
/// stored results, the communes' results, the reports that arrived), so the report and the page never disagree.
/// Who owes which report is <see cref="ReportingObligations"/>, as for reminders and the page's timeliness grid.
/// </summary>
public static class ProvinceReportBuilder
{
    /// <summary>The report of <paramref name="period"/> for the district page's input <paramref name="input"/>, signed by the plan's coordinator.</summary>
    /// <exception cref="ArgumentException">The input is not a district's, or its plan does not cover the period.</exception>
    public static ProvinceReport Build(DashboardInput input, Period period) => Build(input, ReportScope.Regular(period));

    /// <summary>
    /// The report of <paramref name="scope"/>: for a span of years (a review), each indicator's figure is the latest of
    /// the span and its history holds each year's annual figure.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not a district's, or its plan does not cover the period.</exception>
    public static ProvinceReport Build(DashboardInput input, ReportScope scope)
    {
        var period = scope.Period;
        var plan = input.Plan;
        if (!plan.IsDistrict(input.Jurisdiction))
        {
            throw new ArgumentException($"'{input.Jurisdiction}' is a commune of plan {plan.Id}; the report is the district's ({plan.District.Id}).", nameof(input));
        }

        if (!plan.Covers(period))
        {
            throw new ArgumentException($"plan {plan.Id} covers {plan.StartYear}-{plan.EndYear}, not {period}.", nameof(period));
        }

        if (!plan.Covers(Period.Annual(scope.FirstYear)))
        {
            throw new ArgumentException($"plan {plan.Id} covers {plan.StartYear}-{plan.EndYear}, not {scope.Key}.", nameof(scope));
        }

        var goals = plan.Goals
            .Select(goal => new GoalSection(goal, [.. plan.Indicators.Where(indicator => indicator.Goal == goal.Number).Select(indicator => Line(indicator, input.Results, scope))]))
            .Where(section => section.Lines.Count > 0)
            .ToList();
        return new ProvinceReport(
            input.Rules,
            plan,
            period,
            input.GeneratedAt,
            goals,
            Communes(input, period),
            Reporting(input, period),
            [.. input.Reports.Where(report => report.Unit is null && report.Period == period).Select(report => report.File)],
            // The loader checks that the plan's coordinator is in the units directory.
            input.Rules.FindUnit(plan.Coordinator)!) { Scope = scope, FollowUps = FollowUps(input, scope) };
    }

    /// <summary>The cases of the report's period, or of a review's years, in the plan's places.</summary>
    private static IReadOnlyList<Core.FollowUps.FollowUpCase> FollowUps(DashboardInput input, ReportScope scope) =>
        [.. (input.FollowUps ?? []).Where(found =>
            input.Plan.HasJurisdiction(found.Place)
            && Period.TryParse(found.Period, out var period)
            && (scope.IsSpan ? scope.Years.Contains(period.Year) : period == scope.Period))];

    private static IndicatorLine Line(Indicator indicator, IReadOnlyList<DashboardResult> results, ReportScope scope)
    {
        if (!scope.IsSpan)
        {
            var (figure, communes) = Figures(indicator, [.. results.Where(result => result.Period == scope.Period)]);
            return new IndicatorLine(indicator, figure, communes, InForce: indicator.MilestoneFor(scope.Period));
        }

        var years = scope.Years.Select(year => Figures(indicator, [.. results.Where(result => result.Period == Period.Annual(year))])).ToList();
        // The final value is the latest year's that has one: a year nobody reported does not erase the one before.
        var latest = years.LastOrDefault(year => year.Figure is not null);
        return new IndicatorLine(indicator, latest.Figure, latest.Communes, [.. years.Select(year => year.Figure)], indicator.MilestoneFor(Period.Annual(scope.Years.Last())));
    }

    private static (ReportFigure? Figure, ReportFigure? Communes) Figures(Indicator indicator, IReadOnlyList<DashboardResult> results)
    {
        var reported = Find(results, indicator, FigureSource.Reported);
        var communes = Find(results, indicator, FigureSource.Communes);
        return reported is not null ? (reported, communes) : (communes, null);
    }

    private static ReportFigure? Find(IEnumerable<DashboardResult> results, Indicator indicator, FigureSource source) =>
        results.LastOrDefault(result => result.Source == source && string.Equals(result.Indicator, indicator.Code, StringComparison.OrdinalIgnoreCase)) is { } found
            ? new ReportFigure(found.Status, found.Value, found.Explanation, found.Source, found.Coverage)
            : null;

    private static CommuneTable Communes(DashboardInput input, Period period)
    {
        var indicators = input.Plan.IndicatorsAt(UnitLevel.Commune).ToList();
        var rows = input.Plan.Communes.Select(commune =>
        {
            var results = (input.CommuneResults?.GetValueOrDefault(commune.Id) ?? []).Where(result => result.Period == period).ToList();
            return new CommuneLine(commune, [.. indicators.Select(indicator => Find(results, indicator, FigureSource.Reported))]);
        }).ToList();
        return new CommuneTable(indicators, rows);
    }

    private static IReadOnlyList<ReportDue> Reporting(DashboardInput input, Period period)
    {
        var deadline = input.Plan.Calendar.Deadline(period);
        var sendersKnown = input.Reports.Count == 0 || input.Reports.Any(report => report.Unit is not null);
        return ReportingObligations.For(input.Rules, input.Plan, period).Select(owed =>
        {
            var unit = input.Rules.FindUnit(owed.Unit) ?? new ResponsibleUnit(owed.Unit, new LocalizedText(owed.Unit, owed.Unit), []);
            var place = input.Plan.Jurisdictions.First(candidate => candidate.Id == owed.Jurisdiction);
            var sent = input.Reports
                .Where(report => report.Unit == owed.Unit && report.Period == period && (report.Jurisdiction is null || report.Jurisdiction == owed.Jurisdiction))
                .OrderBy(report => report.Arrival ?? 0).ThenBy(report => report.ReceivedAt)
                .ToList();

            // A report that came in time counts even when a correction followed after the deadline.
            var onTime = sent.FirstOrDefault(report => report.OnTime != false);
            return onTime is not null ? new ReportDue(unit, place, deadline, DueState.OnTime, onTime.ReceivedAt)
                : sent.Count > 0 ? new ReportDue(unit, place, deadline, DueState.Late, sent[0].ReceivedAt)
                : new ReportDue(unit, place, deadline, !sendersKnown ? DueState.Unknown : deadline <= input.Today ? DueState.Missing : DueState.NotDue, null);
        }).ToList();
    }
}
