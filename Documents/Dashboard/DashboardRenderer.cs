using GenderPlan.Core.Domain;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// The scorecard page: one self-contained HTML file (styles, script and charts inline; no external
/// script, font or CDN) that opens from a file or from storage, Vietnamese first with an English switch,
/// readable on a phone. Status is always a word and a symbol as well as a colour.
/// </summary>
/// <remarks>
/// The page is a Liquid template (<c>Templates/scorecard.liquid</c>, with <c>progress-chart.liquid</c>,
/// <c>scorecard.css</c> and <c>scorecard.js</c>) rendered by Fluid with an HTML encoder, so every value is
/// escaped unless the template says otherwise, which it does only for its own style sheet and script.
/// Fluid rather than Razor components: the emails need the same engine for their plain-text parts, which an
/// HTML-only renderer cannot write without escaping them, and Fluid needs neither the Razor SDK nor a
/// service provider and dispatcher in this library.
/// </remarks>
public static class DashboardRenderer
{
    internal static readonly LiquidTemplates Templates = new(
        typeof(DashboardRenderer),
        typeof(ScorecardPage), typeof(PlaceLink), typeof(StatusPresentation), typeof(LocalizedText), typeof(StatusCount), typeof(GoalView),
        typeof(IndicatorCard), typeof(AddedUpFigure), typeof(CardFollowUp), typeof(CommuneComparison), typeof(ComparisonColumn), typeof(ComparisonRow), typeof(ComparisonCell),
        typeof(CommuneDuties), typeof(SentReport), typeof(ReportingView), typeof(UnitRow), typeof(ReportingCell), typeof(ReportFile), typeof(ApprovalLine), typeof(ReportDownload),
        typeof(PeriodOption), typeof(ChartView), typeof(ChartFrame), typeof(ChartTick), typeof(ChartText), typeof(ChartPoint), typeof(ChartMilestone), typeof(StandaloneChart),
        typeof(PlansPageModel), typeof(PlanEntry));

    private static readonly string Styles = Templates.File("scorecard.css");

    private static readonly string Script = Templates.File("scorecard.js");

    /// <summary>
    /// The style sheet of another of the product's pages: the scorecard's, so every page looks the same, then the
    /// page's own rules.
    /// </summary>
    internal static string PageStyles(string own) => Styles + "\n" + own;

    /// <summary>
    /// The script of another of the product's pages that writes texts of its own: the scorecard's language switch,
    /// the helper that writes a text in both languages, then the page's own script.
    /// </summary>
    internal static string PageScript(string own) => Script + "\n" + Templates.File("bilingual.js") + "\n" + own;

    /// <summary>Renders the page.</summary>
    public static string Render(DashboardInput input) =>
        Templates.Render("scorecard", ScorecardPage.From(input, Styles, Script), LiquidTemplates.Html);
}
