using GenderPlan.Core.Domain;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Dashboard;

/// <summary>One plan as the home page lists it.</summary>
/// <param name="Name">The plan's name.</param>
/// <param name="Years">Its years ("2016-2020").</param>
/// <param name="Place">Its own place's name.</param>
/// <param name="Link">Its place's scorecard page.</param>
/// <param name="State">Whether it is in force, ended and archived, or not started.</param>
/// <param name="Implements">The higher document it carries out, as cited ("28/NQ-CP ngày 03/3/2021 của Chính phủ"), or null.</param>
internal sealed record PlanEntry(LocalizedText Name, string Years, string Place, string Link, LocalizedText State, LocalizedText? Implements);

/// <summary>What <c>plans.liquid</c> shows.</summary>
internal sealed record PlansPageModel(IReadOnlyList<PlanEntry> Plans, string Styles, string Script);

/// <summary>
/// The home page of a deployment that follows several plans: after the 2025 reform one site holds the district's 2016-2020
/// plan, whose reports stay readable, and the new commune's 2021-2030 plan. Each place's page names its own plan; this page
/// lists them, newest first, so nobody opens the old district's page believing it is the plan in force.
/// </summary>
public static class PlansPage
{
    /// <summary>Renders the list of <paramref name="rules"/>' plans as they stand on <paramref name="today"/>.</summary>
    /// <param name="rules">The active rules.</param>
    /// <param name="today">Today in Vietnam, which decides what is in force and what is archived.</param>
    /// <param name="link">The link to a place's page (a published file, or a live page).</param>
    public static string Render(RuleBook rules, DateOnly today, Func<string, string> link)
    {
        var plans = rules.Plans
            .OrderByDescending(plan => plan.StartYear)
            .Select(plan => new PlanEntry(
                plan.Name, $"{plan.StartYear}-{plan.EndYear}", plan.District.Name, link(plan.District.Id), StateOf(plan, today),
                plan.Implements is { } document ? Cite(document) : null))
            .ToList();
        return DashboardRenderer.Templates.Render(
            "plans", new PlansPageModel(plans, DashboardRenderer.PageStyles(""), DashboardRenderer.PageScript("")), LiquidTemplates.Html);
    }

    private static LocalizedText Cite(PlanDocument document) => new(
        $"{document.Number} ngày {ProvinceReports.ReportText.CitedDate(document.Date)} của {document.Issuer.Vi}",
        $"{document.Number} of {document.Date:yyyy-MM-dd}, {document.Issuer.En}");

    private static LocalizedText StateOf(Plan plan, DateOnly today) =>
        plan.IsArchivedOn(today) ? new("Đã kết thúc, lưu trữ: số liệu vẫn xem và báo cáo được, không nhắc hạn", "Ended and archived: its figures stay readable and reportable; no reminders")
        : plan.StartYear > today.Year ? new("Chưa bắt đầu", "Not started")
        : new("Đang thực hiện", "In force");
}
