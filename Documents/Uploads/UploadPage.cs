using System.Globalization;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.Reports;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Uploads;

/// <summary>What the upload page is made for: one unit's link, opened on one day.</summary>
/// <param name="Rules">The active rules: the units directory and the plans.</param>
/// <param name="Unit">The unit the link speaks for.</param>
/// <param name="ForAnyUnit">Whether the link may send for every unit (the coordinator's); the page then offers the choice.</param>
/// <param name="Today">Today in Vietnam, for the period the template is filled with.</param>
public sealed record UploadPageInput(RuleBook Rules, ResponsibleUnit Unit, bool ForAnyUnit, DateOnly Today);

/// <summary>A unit the coordinator may send a report for.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Name">Its names.</param>
public sealed record UnitChoice(string Id, LocalizedText Name);

/// <summary>An indicator's code and names, so the page can name the results the API gives by code.</summary>
/// <param name="Code">The code.</param>
/// <param name="Name">Its names.</param>
public sealed record IndicatorName(string Code, LocalizedText Name);

/// <summary>
/// The upload page's model: a unit's name, the template to download, the units to send for (coordinator only),
/// and the words the script needs to show statuses exactly as the scorecard does.
/// </summary>
public sealed record UploadPage(
    string UnitId, LocalizedText UnitName, LocalizedText PlanName, bool ForAnyUnit, IReadOnlyList<UnitChoice> Units,
    string Jurisdiction, string? Period, LocalizedText? PeriodLabel, LocalizedText? Deadline, LocalizedText Deadlines, string? ScorecardPath,
    IReadOnlyList<StatusPresentation> Statuses, IReadOnlyList<IndicatorName> Indicators, string Styles, string Script)
{
    private static readonly LiquidTemplates Templates = new(
        typeof(UploadPage), typeof(UploadPage), typeof(UnitChoice), typeof(IndicatorName), typeof(LocalizedText), typeof(StatusPresentation));

    private static readonly string PageStyles = DashboardRenderer.PageStyles(Templates.File("upload.css"));

    // The scorecard's script is the language switch, shared so both pages remember the same choice the same way.
    private static readonly string PageScript = DashboardRenderer.PageScript(Templates.File("upload.js"));

    /// <summary>Renders the page for <paramref name="input"/>: self-contained HTML, Vietnamese first with an English switch.</summary>
    public static string Render(UploadPageInput input) => Templates.Render("upload", From(input), LiquidTemplates.Html);

    private static UploadPage From(UploadPageInput input)
    {
        var due = DuePeriod.On(input.Rules, input.Today, input.Unit.Jurisdiction);
        var plan = due is { } covered ? input.Rules.PlansCovering(covered).FirstOrDefault() : null;
        var shown = plan ?? input.Rules.Plans[^1];
        var deadline = due is { } known ? shown.Calendar.Deadline(known) : default;
        var units = input.ForAnyUnit
            ? input.Rules.Units.Where(unit => unit.Group is null).Select(unit => new UnitChoice(unit.Id, NameOf(unit))).ToList()
            : [];
        return new UploadPage(
            input.Unit.Id, NameOf(input.Unit), shown.Name, input.ForAnyUnit, units,
            input.Unit.Jurisdiction is { } commune && shown.HasJurisdiction(commune) ? commune : shown.District.Id,
            due?.ToString(), due?.Label,
            plan is null ? null : new LocalizedText(
                string.Create(CultureInfo.InvariantCulture, $"hạn gửi trước ngày {deadline:dd/MM/yyyy}"),
                string.Create(CultureInfo.InvariantCulture, $"due before {deadline:d MMMM yyyy}")),
            DeadlinesOf(shown.Calendar),
            $"/api/page/{Uri.EscapeDataString(shown.District.Id)}",
            StatusPresentation.All,
            input.Rules.Plans.SelectMany(each => each.Indicators).DistinctBy(indicator => indicator.Code).Select(indicator => new IndicatorName(indicator.Code, indicator.Name)).ToList(),
            PageStyles, PageScript);
    }

    private static LocalizedText NameOf(ResponsibleUnit unit) => unit.Name;

    // When no report is due (the plan's years are over), the page still says when reports fall due, from the plan's calendar.
    private static LocalizedText DeadlinesOf(ReportingCalendar calendar)
    {
        static string English(AnnualDate date) => new DateOnly(2000, date.Month, date.Day).ToString("d MMMM", CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"Gửi báo cáo 6 tháng trước ngày {calendar.FirstHalf.Day}/{calendar.FirstHalf.Month} và báo cáo năm trước ngày {calendar.Annual.Day}/{calendar.Annual.Month}.",
            $"Semi-annual reports are due before {English(calendar.FirstHalf)}, annual reports before {English(calendar.Annual)}.");
    }
}
