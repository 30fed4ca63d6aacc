using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.RuleChanges;

/// <summary>
/// One indicator's row on the rules page, its numbers written the Vietnamese way. <c>Target</c> and <c>TargetYear</c> are
/// the final milestone's (what the fields edit); <c>Milestones</c> lists every milestone ("2025: 111 · 2030: 109") for a
/// rule with several, and is empty for a rule with one target. <c>Plan</c> is the plan the rule belongs to, which an edit
/// names; <c>PlanHeading</c> the plan's name on the row that starts its rules when the page shows several plans.
/// </summary>
public sealed record RuleRow(
    string Code, LocalizedText Name, string Unit, string Baseline, string Target, int TargetYear, string Lead, string Coordinating, string Direction,
    string Milestones = "", string Plan = "", LocalizedText? PlanHeading = null);

/// <summary>A unit's row on the rules page.</summary>
public sealed record UnitRowView(string Id, string Name, string Emails, bool Group);

/// <summary>
/// The rules page of a link: every indicator's target, baseline, year, lead and coordinating units, and every
/// unit's addresses, as one table the coordinator edits, previews ("Xem trước") and applies ("Áp dụng"); for
/// any other unit's link the same table, read only.
/// </summary>
public sealed record RulesPage(
    LocalizedText UnitName, LocalizedText CoordinatorName, bool Editable, string Version, IReadOnlyList<RuleRow> Rules, IReadOnlyList<UnitRowView> Units,
    IReadOnlyList<StatusPresentation> Statuses, string Styles, string Script)
{
    private static readonly LiquidTemplates Templates = new(
        typeof(RulesPage), typeof(RulesPage), typeof(RuleRow), typeof(UnitRowView), typeof(LocalizedText), typeof(StatusPresentation));

    private static readonly string PageStyles = DashboardRenderer.PageStyles(Templates.File("rules.css"));

    private static readonly string PageScript = DashboardRenderer.PageScript(Templates.File("rules.js"));

    /// <summary>Renders the page of <paramref name="rules"/> for <paramref name="unit"/>'s link.</summary>
    public static string Render(RuleBook rules, ResponsibleUnit unit, bool editable)
    {
        // Newest plan first, each under its name when there are several: two plans may share a code (G4.1).
        var several = rules.Plans.Count > 1;
        var rows = rules.Plans.OrderByDescending(plan => plan.StartYear)
            .SelectMany(plan => plan.Indicators.Select((indicator, index) => Row(plan, indicator, several && index == 0 ? plan.Name : null)))
            .ToList();
        var units = rules.Units.Select(each => new UnitRowView(each.Id, each.Name.Vi, string.Join(", ", each.Emails), each.Group is not null)).ToList();
        var coordinator = rules.Units.FirstOrDefault(each => each.Id == rules.Coordinator)?.Name ?? new LocalizedText(rules.Coordinator, rules.Coordinator);
        var page = new RulesPage(unit.Name, coordinator, editable, rules.Version, rows, units, StatusPresentation.All, PageStyles, PageScript);
        return Templates.Render("rules", page, LiquidTemplates.Html);
    }

    private static RuleRow Row(Plan plan, Indicator indicator, LocalizedText? heading) => new(
        indicator.Code, indicator.Name, indicator.Definition.UnitName.Vi,
        indicator.Baseline is { } baseline ? VietnameseNumber.Format(baseline) : "",
        VietnameseNumber.Format(indicator.Target),
        indicator.Definition.TargetYear,
        indicator.Lead,
        string.Join(", ", indicator.Coordinating),
        indicator.Direction == Core.Domain.Direction.AtLeast ? "≥" : "≤",
        MilestoneList(indicator), plan.Id, heading);

    /// <summary>"2025: 111 · 2030: 109" for a rule with several milestones; empty for one target, which its fields already show.</summary>
    internal static string MilestoneList(Indicator indicator) => indicator.Definition.HasMilestones
        ? string.Join(" · ", indicator.Milestones.Select(milestone => $"{milestone.Year.ToString(CultureInfo.InvariantCulture)}: {VietnameseNumber.Format(milestone.Target)}"))
        : "";
}
