using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.FollowUps;

/// <summary>What the follow-up page is made for: one unit's link, its cases, on one day.</summary>
/// <param name="Rules">The active rules: names of units, indicators and places.</param>
/// <param name="Unit">The unit the link speaks for.</param>
/// <param name="Cases">Its cases, newest first.</param>
/// <param name="Today">Today in Vietnam: the earliest date the form accepts.</param>
/// <param name="Answers">Whether the link is the unit's own, so it may answer its cases (the coordinator looking at a unit's page may not).</param>
/// <param name="Overseen">For the coordinator's own link: every other unit's open cases of the plans it coordinates, which it may close with a reason.</param>
public sealed record FollowUpPageInput(RuleBook Rules, ResponsibleUnit Unit, IReadOnlyList<FollowUpCase> Cases, DateOnly Today, bool Answers = true, IReadOnlyList<FollowUpCase>? Overseen = null);

/// <summary>One case as the page shows it.</summary>
/// <param name="Id">The case id the form posts to.</param>
/// <param name="Indicator">The indicator's names.</param>
/// <param name="Place">The place's name.</param>
/// <param name="Period">The period's label.</param>
/// <param name="Status">How the indicator stood when alerted.</param>
/// <param name="State">The state's wire word.</param>
/// <param name="StateLabel">The state in Vietnamese and English.</param>
/// <param name="Opened">The day it was opened (dd/MM/yyyy).</param>
/// <param name="Action">The action written, or null.</param>
/// <param name="ExpectedBy">The expected date as the date field holds it (yyyy-MM-dd), or null.</param>
/// <param name="ExpectedByShown">The expected date as officials write it (dd/MM/yyyy), or null.</param>
/// <param name="IsOpen">Whether the form is offered.</param>
/// <param name="Resolution">Why it was closed, in Vietnamese and English, or null.</param>
/// <param name="Unit">The unit that must act.</param>
/// <param name="CanAnswer">Whether the page offers the unit's form.</param>
/// <param name="CanClose">Whether the page offers the coordinator's closing form.</param>
public sealed record FollowUpRow(
    string Id, LocalizedText Indicator, string Place, LocalizedText Period, StatusPresentation Status, string State, LocalizedText StateLabel, string Opened,
    string? Action, string? ExpectedBy, string? ExpectedByShown, bool IsOpen, LocalizedText? Resolution, LocalizedText? Unit = null, bool CanAnswer = false, bool CanClose = false);

/// <summary>
/// The page a unit opens from an alert's link: its cases, each with a short form (the action, the date a result is
/// expected) that posts to <c>POST /api/follow-ups/{id}</c> with the link's token. Made for a phone: one column, large
/// fields, Vietnamese first with the English switch the other pages have.
/// </summary>
/// <param name="UnitId">The unit's id.</param>
/// <param name="UnitName">Its names.</param>
/// <param name="Today">The earliest date accepted (yyyy-MM-dd).</param>
/// <param name="Cases">The cases.</param>
/// <param name="Overseen">For the coordinator: the other units' open cases.</param>
/// <param name="Statuses">The statuses' colours.</param>
/// <param name="Styles">The page's style sheet.</param>
/// <param name="Script">The page's script.</param>
public sealed record FollowUpPage(
    string UnitId, LocalizedText UnitName, string Today, IReadOnlyList<FollowUpRow> Cases, IReadOnlyList<FollowUpRow> Overseen, IReadOnlyList<StatusPresentation> Statuses, string Styles, string Script)
{
    private static readonly LiquidTemplates Templates = new(
        typeof(FollowUpPage), typeof(FollowUpPage), typeof(FollowUpRow), typeof(LocalizedText), typeof(StatusPresentation));

    private static readonly string PageStyles = DashboardRenderer.PageStyles(Templates.File("follow-ups.css"));

    private static readonly string PageScript = DashboardRenderer.PageScript(Templates.File("follow-ups.js"));

    /// <summary>Renders the page: self-contained HTML.</summary>
    public static string Render(FollowUpPageInput input) => Templates.Render("follow-ups", From(input), LiquidTemplates.Html);

    /// <summary>A case's row, as the page and the scorecard page show it.</summary>
    public static FollowUpRow RowOf(RuleBook rules, FollowUpCase found)
    {
        Period? period = Period.TryParse(found.Period, out var parsed) ? parsed : null;
        var plan = period is { } known ? rules.FindPlan(known, found.Place) : null;
        var indicator = plan?.FindIndicator(found.Indicator)?.Name
            ?? rules.Plans.Select(each => each.FindIndicator(found.Indicator)).FirstOrDefault(each => each is not null)?.Name
            ?? new LocalizedText(found.Indicator, found.Indicator);
        return new FollowUpRow(
            found.Id, indicator, plan?.NameOf(found.Place) ?? found.Place, period?.Label ?? new LocalizedText(found.Period, found.Period), StatusPresentation.Of(found.Status),
            found.State.Word(), Label(found.State), found.OpenedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), found.Action,
            found.ExpectedBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), found.ExpectedBy?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            found.State.IsOpen(), ResolutionOf(found), rules.FindUnit(found.Unit)?.Name ?? new LocalizedText(found.Unit, found.Unit));
    }

    /// <summary>A state in both languages.</summary>
    public static LocalizedText Label(FollowUpState state) => new(state.Vietnamese(), state switch
    {
        FollowUpState.Open => "Not answered",
        FollowUpState.Acknowledged => "Acknowledged, action under way",
        FollowUpState.Overdue => "Action overdue",
        FollowUpState.Escalated => "Escalated: not answered in time",
        _ => "Resolved",
    });

    private static LocalizedText? ResolutionOf(FollowUpCase found) => found.Resolution switch
    {
        FollowUpResolution.Report => new("Kết quả báo cáo sau đã đạt tiến độ", "A later report met the path"),
        FollowUpResolution.RulesChanged => new("Điều chỉnh mục tiêu, lộ trình", "The rules changed"),
        FollowUpResolution.Coordinator => new($"Cơ quan thường trực kết thúc theo dõi: {found.Reason}", $"Closed by the coordinator: {found.Reason}"),
        _ => null,
    };

    private static FollowUpPage From(FollowUpPageInput input)
    {
        var coordinator = input.Overseen is not null;
        return new(
            input.Unit.Id, input.Unit.Name, input.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. input.Cases.OrderBy(found => found.State.IsOpen() ? 0 : 1).ThenByDescending(found => found.At)
                .Select(found => RowOf(input.Rules, found) with { CanAnswer = input.Answers && found.State.IsOpen(), CanClose = coordinator && found.State.IsOpen() })],
            [.. (input.Overseen ?? []).OrderBy(found => found.State == FollowUpState.Escalated || found.State == FollowUpState.Overdue ? 0 : 1).ThenBy(found => found.OpenedOn)
                .Select(found => RowOf(input.Rules, found) with { CanClose = true })],
            StatusPresentation.All, PageStyles, PageScript);
    }
}
