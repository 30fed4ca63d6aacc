using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Dashboard;

/// <summary>
/// The page's reporting table: for every period whose deadline has passed (or that has a report), whether
/// each unit sent its report on time, late, not at all, or is not due yet; and the files of unknown senders.
/// </summary>
internal sealed record ReportingView(IReadOnlyList<LocalizedText> Periods, IReadOnlyList<UnitRow> Units, IReadOnlyList<ReportFile> Files)
{
    /// <summary>The table, or null when no report is due yet.</summary>
    public static ReportingView? From(DashboardInput input)
    {
        var plan = input.Plan;
        var periods = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1)
            .SelectMany(year => new[] { Period.FirstHalf(year), Period.Annual(year) })
            .Where(period => ReportingCalendar.Deadline(period) <= input.Today || input.Reports.Any(report => report.Period == period))
            .ToList();
        if (periods.Count == 0)
        {
            return null;
        }

        // The district report is owed by the plan's lead units; who owes a commune's report is not in the
        // rules, so a commune's page lists the units that did send one and claims nobody is missing.
        var owing = plan.IsDistrict(input.Jurisdiction) ? plan.Indicators.Select(indicator => indicator.Lead) : [];
        var units = owing
            .Concat(input.Reports.Select(report => report.Unit).OfType<string>())
            .Distinct()
            .Select(unit =>
            {
                var named = input.Rules.FindUnit(unit);
                return new UnitRow(unit, new LocalizedText(named?.Name ?? unit, named?.NameEn ?? named?.Name ?? unit), [.. periods.Select(period => Cell(input, unit, period))]);
            })
            .ToList();
        var files = input.Reports.Where(report => report.Unit is null).OrderBy(report => report.Period).Select(report => new ReportFile(report.Period.Label, report.File)).ToList();
        return new ReportingView([.. periods.Select(period => period.Label)], units, files);
    }

    private static ReportingCell Cell(DashboardInput input, string unit, Period period)
    {
        var reports = input.Reports.Where(report => report.Unit == unit && report.Period == period).ToList();
        var state = reports.Count > 0
            ? reports.Any(report => report.OnTime != false) ? "on-time" : "late"
            : ReportingCalendar.Deadline(period) <= input.Today ? "missing" : "not-due";
        return new ReportingCell(period.ToString(), state);
    }
}

/// <summary>One unit's row: its name and one cell per period.</summary>
internal sealed record UnitRow(string Id, LocalizedText Name, IReadOnlyList<ReportingCell> Cells);

/// <summary>Whether a unit's report for a period is <c>on-time</c>, <c>late</c>, <c>missing</c> or <c>not-due</c>.</summary>
internal sealed record ReportingCell(string Period, string State);

/// <summary>A report file whose sender is not known (offline files).</summary>
internal sealed record ReportFile(LocalizedText Period, string File);
