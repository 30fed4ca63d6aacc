using GenderPlan.Core.Approval;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Approvals;

/// <summary>
/// One report on the approvals page, in words a reader needs to decide: period, place, sending unit, the day it
/// arrived, and where it stands ("Chờ duyệt", or the stamp of who decided and when, with a return's reason).
/// </summary>
/// <param name="Key">The report log's key, which the decision is posted to.</param>
/// <param name="Period">The period's label.</param>
/// <param name="Place">The place's name.</param>
/// <param name="Unit">The sending unit's name.</param>
/// <param name="Received">The day it arrived (Vietnam time).</param>
/// <param name="State">The state's word (<c>pending</c>, <c>approved</c>, <c>returned</c>).</param>
/// <param name="StateWords">The state in words.</param>
/// <param name="By">Who decided, or null while pending.</param>
/// <param name="At">When (Vietnam time), or empty.</param>
/// <param name="Reason">The reason of a return, or empty.</param>
public sealed record ApprovalRow(
    string Key, LocalizedText Period, string Place, LocalizedText Unit, string Received, string State, LocalizedText StateWords, LocalizedText? By, string At, string Reason);

/// <summary>
/// The page where the coordinator (or a commune's committee, for its own commune where the plan allows) approves or
/// returns reports, opened from a link with its token like the upload and rules pages: reports awaiting a decision first,
/// each with "Duyệt" and "Trả lại" (with a reason), then those decided, with their stamps. Self-contained, phone-usable,
/// Vietnamese first with the English switch.
/// </summary>
/// <param name="UnitName">The link's unit.</param>
/// <param name="Pending">Reports awaiting a decision.</param>
/// <param name="Decided">Reports decided, newest decision first.</param>
/// <param name="MaxReason">The longest reason accepted.</param>
/// <param name="Styles">The page's styles.</param>
/// <param name="Script">The page's script.</param>
public sealed record ApprovalsPage(LocalizedText UnitName, IReadOnlyList<ApprovalRow> Pending, IReadOnlyList<ApprovalRow> Decided, int MaxReason, string Styles, string Script)
{
    private static readonly LiquidTemplates Templates = new(typeof(ApprovalsPage), typeof(ApprovalsPage), typeof(ApprovalRow), typeof(LocalizedText));

    private static readonly string PageStyles = DashboardRenderer.PageStyles(Templates.File("approvals.css"));

    private static readonly string PageScript = DashboardRenderer.PageScript(Templates.File("approvals.js"));

    /// <summary>Renders the page of <paramref name="unitName"/>'s link over <paramref name="rows"/>.</summary>
    public static string Render(LocalizedText unitName, IReadOnlyList<ApprovalRow> rows)
    {
        var pending = rows.Where(row => row.State == ApprovalState.Pending.Word()).ToList();
        var decided = rows.Where(row => row.State != ApprovalState.Pending.Word()).ToList();
        return Templates.Render("approvals", new ApprovalsPage(unitName, pending, decided, ReportDecisions.MaxReasonLength, PageStyles, PageScript), LiquidTemplates.Html);
    }
}
