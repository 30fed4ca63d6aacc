using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.FollowUps;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// What <c>scorecard.liquid</c> shows, worked out from a <see cref="DashboardInput"/>: every decision (which
/// period is current, what counts as not reported, who owes a report) is made here, so the template only lays
/// the words out. Values are formatted already; the template escapes all of them.
/// </summary>
internal sealed record ScorecardPage(
    string Place,
    LocalizedText PlanName,
    LocalizedText? Period,
    IReadOnlyList<PeriodOption> Periods,
    string? OtherPeriodsLink,
    string RulesVersion,
    IReadOnlyList<PlaceLink> OtherPages,
    IReadOnlyList<StatusPresentation> Statuses,
    IReadOnlyList<StatusPresentation> SummaryStatuses,
    StatusPresentation NotReported,
    IReadOnlyList<GoalView> Goals,
    ReportingView? Reporting,
    CommuneComparison? Comparison,
    CommuneDuties? Duties,
    IReadOnlyList<ReportDownload> Downloads,
    LocalizedText Updated,
    string Styles,
    string Script)
{
    private static readonly StatusPresentation[] Summarised =
        [.. new[] { Status.Met, Status.OnTrack, Status.FallingBehind, Status.OffTrack, Status.Missed, Status.NotApplicable }.Select(StatusPresentation.Of)];

    /// <summary>The page of <paramref name="input"/>, with the style sheet and script it carries inline.</summary>
    public static ScorecardPage From(DashboardInput input, string styles, string script)
    {
        var plan = input.Plan;
        // A commune reports only the commune-level indicators: counting the others would show each commune as
        // owing figures nobody asks of it. A place between (a district of a province's plan) shows what it reports
        // and what is added up into it from the places below.
        var owed = plan.IndicatorsFor(input.Jurisdiction).ToHashSet();
        var shownIndicators = plan.IsDistrict(input.Jurisdiction)
            ? plan.Indicators
            : [.. plan.Indicators.Where(indicator => owed.Contains(indicator) || PlaceRollUp.Contributors(plan.Places, input.Jurisdiction, indicator).Count > 0)];
        var added = input.Results.Where(result => result.Source == FigureSource.Communes).ToList();
        var history = input.Results
            .Where(result => result.Source == FigureSource.Reported)
            .GroupBy(result => result.Indicator, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.GroupBy(result => result.Period).Select(period => period.Last()).OrderBy(result => result.Period).ToList(), StringComparer.OrdinalIgnoreCase);
        var current = PagePeriods.Shown(input);
        var addedNow = shownIndicators.ToDictionary(
            indicator => indicator.Code,
            indicator => current is { } now ? added.LastOrDefault(result => result.Period == now && string.Equals(result.Indicator, indicator.Code, StringComparison.OrdinalIgnoreCase)) : null);
        // A district figure nobody reported directly is the communes' sum, where there is one.
        var latest = shownIndicators.ToDictionary(
            indicator => indicator.Code,
            indicator => (current is { } now ? history.GetValueOrDefault(indicator.Code)?.LastOrDefault(result => result.Period == now) : null) ?? addedNow[indicator.Code]);
        // The place's own cases of the period shown: a commune's cases are on the commune's page.
        var cases = (input.FollowUps ?? [])
            .Where(found => found.Place == input.Jurisdiction && current is { } now && found.Period == now.ToString())
            .ToLookup(found => found.Indicator, StringComparer.OrdinalIgnoreCase);
        var goals = GoalsWithIndicators(plan, shownIndicators).Select(goal =>
        {
            var indicators = shownIndicators.Where(indicator => indicator.Goal == goal.Number).ToList();
            return new GoalView(
                goal.Number,
                goal.Name,
                [.. Summarised.Select(status => new StatusCount(status.Word, indicators.Count(indicator => latest[indicator.Code]?.Status == status.Status)))],
                indicators.Count(indicator => latest[indicator.Code] is null),
                [.. indicators.Select(indicator => Card(input, indicator, current, history.GetValueOrDefault(indicator.Code) ?? [], latest[indicator.Code], addedNow[indicator.Code], cases[indicator.Code]))]);
        }).ToList();
        var updated = input.GeneratedAt.ToOffset(ReportingCalendar.VietnamOffset);

        return new ScorecardPage(
            PlaceName(plan, input.Jurisdiction),
            // An ended plan's page says so, so its figures are not read as the plan in force.
            plan.IsArchivedOn(input.Today) ? new LocalizedText(plan.Name.Vi + " (đã kết thúc, lưu trữ)", plan.Name.En + " (ended, archived)") : plan.Name,
            current?.Label,
            PeriodOption.For(input, current),
            PeriodOption.BackToChoice(input),
            plan.Version,
            [.. input.OtherPages.Select(page => new PlaceLink(PlaceName(plan, page.Jurisdiction), page.File))],
            StatusPresentation.All,
            Summarised,
            StatusPresentation.Of(Status.NotApplicable),
            goals,
            ReportingView.From(input),
            CommuneComparison.From(input, current),
            CommuneDuties.From(input),
            [.. (input.ProvinceReports ?? []).OrderByDescending(file => file.Period).ThenByDescending(file => file.Path, StringComparer.Ordinal).Select(file => new ReportDownload(
                file.Period.Label, file.Path, file.Path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? new LocalizedText("dự thảo báo cáo, Word", "draft report, Word") : new LocalizedText("bảng chỉ tiêu, Excel", "indicator workbook, Excel")))],
            new LocalizedText($"{updated:dd/MM/yyyy HH:mm}", $"{updated:yyyy-MM-dd HH:mm}"),
            styles,
            script);
    }

    private static Milestone MilestoneShown(Indicator indicator, Period? shown) =>
        shown is { } period ? indicator.MilestoneFor(period) : indicator.Milestones[^1];

    private static IndicatorCard Card(
        DashboardInput input, Indicator indicator, Period? shown, List<DashboardResult> history, DashboardResult? result, DashboardResult? addedUp, IEnumerable<FollowUpCase> cases)
    {
        var unresolved = cases.Where(found => found.State.IsOpen()).OrderBy(found => found.OpenedOn).ThenBy(found => found.Unit, StringComparer.Ordinal).ToList();
        var resolved = cases.Where(found => !found.State.IsOpen()).MaxBy(found => found.At);
        var lead = input.Rules.FindUnit(indicator.Lead);
        var communes = addedUp is null ? null : new AddedUpFigure(
            addedUp.Value is { } sum ? Both(indicator, sum) : null,
            StatusPresentation.Of(addedUp.Status),
            addedUp.Coverage is { } coverage ? CoverageText.Describe(input.Plan, coverage) : new LocalizedText("", ""),
            ReferenceEquals(result, addedUp));
        return new IndicatorCard(
            indicator.Code,
            indicator.Name,
            result is not null,
            result?.Value is { } value ? Both(indicator, value) : null,
            // The target in force for the period shown: with milestones, the next one not yet passed.
            Both(indicator, MilestoneShown(indicator, shown).Target),
            MilestoneShown(indicator, shown).Year,
            result is null ? null : StatusPresentation.Of(result.Status),
            lead?.Name ?? new LocalizedText(indicator.Lead, indicator.Lead),
            result?.Explanation,
            ProgressChart.Plot(indicator, history),
            communes,
            [.. unresolved.Select(found => CardFollowUp.Of(input.Rules, found))],
            resolved is null ? null : CardFollowUp.Of(input.Rules, resolved));
    }

    private static LocalizedText Both(Indicator indicator, decimal value) => ValueText.Of(indicator, value);

    private static string PlaceName(Plan plan, string jurisdiction) =>
        plan.Jurisdictions.FirstOrDefault(candidate => candidate.Id == jurisdiction)?.Name ?? jurisdiction;

    private static IEnumerable<Goal> GoalsWithIndicators(Plan plan, IReadOnlyList<Indicator> indicators) =>
        plan.Goals.Count > 0
            ? plan.Goals.Where(goal => indicators.Any(indicator => indicator.Goal == goal.Number))
            : indicators.Select(indicator => indicator.Goal).Distinct().Select(number => new Goal(number, new LocalizedText($"Mục tiêu {number}", $"Goal {number}")));
}

/// <summary>A link to another place's page.</summary>
internal sealed record PlaceLink(string Name, string File);

/// <summary>How many of a goal's indicators are in one status.</summary>
internal sealed record StatusCount(string Word, int Count);

/// <summary>One goal: its row in the summary and its indicators' cards.</summary>
internal sealed record GoalView(int Number, LocalizedText Name, IReadOnlyList<StatusCount> Counts, int NotReported, IReadOnlyList<IndicatorCard> Cards);

/// <summary>One indicator's card. <c>Reported</c> with no <c>Value</c> is a 0/0 (not applicable).</summary>
internal sealed record IndicatorCard(
    string Code,
    LocalizedText Name,
    bool Reported,
    LocalizedText? Value,
    LocalizedText Target,
    int TargetYear,
    StatusPresentation? Status,
    LocalizedText Lead,
    LocalizedText? Explanation,
    ChartView Chart,
    AddedUpFigure? Communes = null,
    IReadOnlyList<CardFollowUp>? FollowUps = null,
    CardFollowUp? Resolved = null);

/// <summary>
/// A follow-up case under its indicator's card: who acts, where it stands, what they do and by when, or for a closed
/// one why it was closed. Officials read the card to see whether anyone is answering an alert, not only that it fired.
/// </summary>
internal sealed record CardFollowUp(string Id, string State, LocalizedText Unit, LocalizedText StateLabel, string? Action, string? ExpectedBy, LocalizedText? Resolution)
{
    /// <summary>The case as the card shows it; the words are the follow-up page's, so both pages say the same.</summary>
    public static CardFollowUp Of(RuleBook rules, FollowUpCase found)
    {
        var row = FollowUpPage.RowOf(rules, found);
        return new CardFollowUp(
            found.Id, row.State, rules.FindUnit(found.Unit)?.Name ?? new LocalizedText(found.Unit, found.Unit), row.StateLabel, row.Action, row.ExpectedByShown, row.Resolution);
    }
}

/// <summary>
/// The district's figure added up from the communes, shown beside the reported one with its coverage ("7/9 xã,
/// thị trấn; thiếu: Pô Kô, Kon Đào"). <c>Only</c> when no unit reported the district figure itself, so the card's
/// value is this sum already.
/// </summary>
internal sealed record AddedUpFigure(LocalizedText? Value, StatusPresentation Status, LocalizedText Coverage, bool Only);

/// <summary>A link to a published province report file: its period, path and what it is.</summary>
internal sealed record ReportDownload(LocalizedText Period, string File, LocalizedText Kind);

/// <summary>A period the page can show: its label, its link and whether it is the one shown.</summary>
internal sealed record PeriodOption(string Period, LocalizedText Label, string Link, bool Selected)
{
    /// <summary>The choice of periods with results, newest first; empty when the page has no links to give or nothing to choose between.</summary>
    public static IReadOnlyList<PeriodOption> For(DashboardInput input, Period? shown)
    {
        if (input.PeriodLinks is not { } links)
        {
            return [];
        }

        var periods = PagePeriods.WithResults(input).ToList();
        if (shown is { } current && !periods.Contains(current))
        {
            periods.Add(current);
        }

        if (periods.Count < 2 || (links.Home is not null && input.Period is not null))
        {
            // A period's own file leads back to the place's page for the choice (BackToChoice).
            return [];
        }

        return [.. periods.OrderDescending().Select(period => new PeriodOption(
            period.ToString(), period.Label, links.Home is { } home && period == shown ? home : links.For(period), period == shown))];
    }

    /// <summary>Where a period's own file sends a reader for another period: the place's page; null on every other page.</summary>
    public static string? BackToChoice(DashboardInput input) =>
        input.PeriodLinks is { Home: { } home } && input.Period is not null && PagePeriods.WithResults(input).Count >= 2 ? home : null;
}
