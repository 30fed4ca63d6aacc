using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// The page's reporting table: for every period since reporting through the product began (the plan's
/// <c>reportingSince</c>, else the first report) whose deadline has passed (or that has a report), whether
/// each unit sent its report on time, late, not at all, or is not due yet; and the files of unknown senders.
/// Who owes what is <see cref="ReportingObligations"/>: on the district's page, the lead departments (the
/// district's report) and every commune committee (its commune's report); on a commune's page, its committee.
/// Units that sent a report without owing one are listed too.
/// </summary>
/// <remarks>
/// Where the plan requires approval, a returned report does not make its unit's cell "sent" (it no longer counts), and
/// <see cref="Approvals"/> lists every report with "Chờ duyệt", or "Đã duyệt"/"Trả lại" with who and when.
/// </remarks>
internal sealed record ReportingView(IReadOnlyList<LocalizedText> Periods, IReadOnlyList<UnitRow> Units, IReadOnlyList<ReportFile> Files, IReadOnlyList<ApprovalLine>? Approvals = null)
{
    /// <summary>The table, or null when no report is due yet.</summary>
    public static ReportingView? From(DashboardInput input)
    {
        var plan = input.Plan;
        var all = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1)
            .SelectMany(year => new[] { Period.FirstHalf(year), Period.Annual(year) })
            .Where(period => plan.Calendar.Deadline(period) <= input.Today || input.Reports.Any(report => report.Period == period))
            .ToList();
        var since = Since(input) ?? all.LastOrDefault();
        var periods = all.Where(period => period.CompareTo(since) >= 0).ToList();
        if (periods.Count == 0)
        {
            return null;
        }

        // The place each owing unit reports for: the district for a department, its own commune for a committee.
        var owing = ReportingObligations.For(input.Rules, plan, periods[0])
            .Where(owed => plan.IsDistrict(input.Jurisdiction) || owed.Jurisdiction == input.Jurisdiction)
            .Select(owed => (owed.Unit, Place: (string?)owed.Jurisdiction));
        var senders = input.Reports.Select(report => report.Unit).OfType<string>().Select(unit => (Unit: unit, Place: (string?)null));
        var units = owing.Concat(senders)
            .DistinctBy(row => row.Unit)
            .Select(row =>
            {
                var named = input.Rules.FindUnit(row.Unit);
                return new UnitRow(row.Unit, named?.Name ?? new LocalizedText(row.Unit, row.Unit), [.. periods.Select(period => Cell(input, row.Unit, row.Place, period))]);
            })
            .ToList();
        // A file's name only on the coordinator's own page: on a public one, the date it arrived.
        var files = input.Reports.Where(report => report.Unit is null).OrderBy(report => report.Period)
            .Select(report => new ReportFile(report.Period.Label, input.ShowsFileNames ? report.File : null, CommuneDuties.Date(report.ReceivedAt)))
            .ToList();
        var approvals = plan.Approval.Required
            ? input.Reports.Where(report => report.Unit is not null).OrderByDescending(report => report.Period).ThenByDescending(report => report.Arrival)
                .Select(report => ApprovalLine.Of(input.Rules, report)).ToList()
            : null;
        return new ReportingView([.. periods.Select(period => period.Label)], units, files, approvals);
    }

    /// <summary>
    /// The first period of the grid: the plan's <c>reportingSince</c>, else the earliest period any report here was
    /// received for. Periods before reporting through the product began went on paper; marking them "missing" fills
    /// the grid with red columns that say nothing about who is late now. Null when neither is known: the grid then
    /// shows the period due last, as reporting through the product begins with it.
    /// </summary>
    private static Period? Since(DashboardInput input) =>
        input.Plan.ReportingSince ?? input.Reports.Select(report => (Period?)report.Period).Min();

    private static ReportingCell Cell(DashboardInput input, string unit, string? place, Period period)
    {
        var reports = input.Reports.Where(report => report.Unit == unit && report.Period == period && (place is null || report.Jurisdiction is null || report.Jurisdiction == place)
            && report.Decision?.State != Core.Approval.ApprovalState.Returned).ToList();
        var state = reports.Count > 0
            ? reports.Any(report => report.OnTime != false) ? "on-time" : "late"
            : input.Plan.Calendar.Deadline(period) <= input.Today ? "missing" : "not-due";
        return new ReportingCell(period.ToString(), state);
    }
}

/// <summary>One unit's row: its name and one cell per period.</summary>
internal sealed record UnitRow(string Id, LocalizedText Name, IReadOnlyList<ReportingCell> Cells);

/// <summary>Whether a unit's report for a period is <c>on-time</c>, <c>late</c>, <c>missing</c> or <c>not-due</c>.</summary>
internal sealed record ReportingCell(string Period, string State);

/// <summary>A report whose sender is not known: its file's name where the page may show it, else the date it arrived (Vietnam time), if known.</summary>
internal sealed record ReportFile(LocalizedText Period, string? File, string Received);

/// <summary>
/// A report's line in the page's approvals list: period, sender, date received and where it stands, with the deciding
/// unit, the day and a return's reason.
/// </summary>
internal sealed record ApprovalLine(LocalizedText Period, LocalizedText Unit, string Received, string State, LocalizedText StateWords, LocalizedText? By, string At, string Reason)
{
    public static ApprovalLine Of(RuleBook rules, DashboardReport report)
    {
        var state = report.Decision?.State ?? Core.Approval.ApprovalState.Pending;
        LocalizedText Name(string unit) => rules.FindUnit(unit)?.Name ?? new LocalizedText(unit, unit);
        return new ApprovalLine(
            report.Period.Label, Name(report.Unit!), CommuneDuties.Date(report.ReceivedAt), Core.Approval.ReportDecisions.Word(state), Core.Approval.ReportDecisions.Words(state),
            report.Decision is { } decided ? Name(decided.By) : null, CommuneDuties.Date(report.Decision?.At), report.Decision?.Reason ?? "");
    }
}
