using System.Globalization;
using System.Text.Json;
using GenderPlan.Core.Approval;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Approvals;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// Approving and returning reports over HTTP, written once for the Functions app and <c>genderplan serve --http</c>: the
/// decision endpoint and the page that calls it, both behind a unit's link (its token), as the upload and rules pages are.
/// The rules of who decides what are <see cref="ReportDecisions"/>; carrying a return through is <see cref="ReportApproval"/>.
/// </summary>
public sealed partial class ApprovalHandlers
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };
    private readonly ActiveRules _activeRules;
    private readonly ReportApproval _approval;
    private readonly ReportLog _reports;
    private readonly ReportDecisionStore _decisions;
    private readonly PlaceReportIndex _index;
    private readonly UploadAccess _access;
    private readonly UploadRequests _requests;
    private readonly ILogger<ApprovalHandlers> _logger;

    /// <summary>Creates the handlers.</summary>
    public ApprovalHandlers(
        ActiveRules activeRules, ReportApproval approval, ReportLog reports, ReportDecisionStore decisions, UploadAccess access, UploadRequests requests,
        ILogger<ApprovalHandlers> logger, PlaceReportIndex index)
    {
        _index = index;
        _activeRules = activeRules;
        _approval = approval;
        _reports = reports;
        _decisions = decisions;
        _access = access;
        _requests = requests;
        _logger = logger;
    }

    /// <summary>
    /// <c>POST /api/reports/{key}/decision</c> with <c>Authorization: Bearer T</c> and <c>{"decision":"approve"|"return","reason":"..."}</c>:
    /// 200 with the decision that stands; 401 for a missing or wrong link; 403 for a unit that may not decide about the
    /// report; 404 for an unknown report; 409 when the report's plan does not use approval, or it was decided the other
    /// way before; 422 for an unknown decision or a return without a reason (or one too long); 400 for a body that is not JSON.
    /// </summary>
    public async Task<IResult> DecideAsync(string key, HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        var language = UploadRequests.LanguageOf(request);
        var access = await _access.CheckAsync(null, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            return UploadHandlers.Refusal(access, language);
        }

        if (request.ContentLength is > MaxBodyBytes)
        {
            return UploadHandlers.Error(StatusCodes.Status413PayloadTooLarge, Messages.ReasonTooLong.Format(language, ReportDecisions.MaxReasonLength));
        }

        DecisionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<DecisionRequest>(request.Body, Reading, cancellationToken);
        }
        catch (JsonException exception)
        {
            return UploadHandlers.Error(StatusCodes.Status400BadRequest, Messages.EditUnreadable.Format(language, exception.Message));
        }

        var outcome = await _approval.DecideAsync(access.TokenUnit!, key, body?.Decision, body?.Reason, cancellationToken);
        if (outcome.Report is not { } report)
        {
            return UploadHandlers.Error(StatusCodes.Status404NotFound, Messages.NoSuchReport.Format(language));
        }

        LogDecision(key, access.TokenUnit!, outcome.Refusal?.ToString() ?? "taken");
        var rules = await _activeRules.GetAsync(cancellationToken);
        return outcome.Refusal switch
        {
            null => Results.Json(ReportDecisionResponse.Of(report, outcome.Decision, rules), ApiJson.Options),
            DecisionRefusal.NotUsed => UploadHandlers.Error(StatusCodes.Status409Conflict, Messages.ApprovalNotUsed.Format(language)),
            DecisionRefusal.NotAllowed => UploadHandlers.Error(StatusCodes.Status403Forbidden, Messages.MayNotDecide.Format(language, access.CoordinatorIn(language))),
            DecisionRefusal.AlreadyDecided => Results.Json(
                new DecisionConflict(AlreadyDecided(outcome.Decision!.Stamp.State, language), ApprovalResponse.Of(outcome.Decision, rules)), ApiJson.Options, statusCode: StatusCodes.Status409Conflict),
            DecisionRefusal.ReasonMissing => UploadHandlers.Error(StatusCodes.Status422UnprocessableEntity, Messages.ReasonMissing.Format(language)),
            DecisionRefusal.ReasonTooLong => UploadHandlers.Error(StatusCodes.Status422UnprocessableEntity, Messages.ReasonTooLong.Format(language, ReportDecisions.MaxReasonLength)),
            _ => UploadHandlers.Error(StatusCodes.Status422UnprocessableEntity, Messages.UnknownDecision.Format(language)),
        };
    }

    /// <summary>
    /// <c>GET /approvals?token=T</c>: the reports the link's unit may decide about, under plans that require approval,
    /// those awaiting a decision first. A unit that may decide about none gets the page with nothing to decide.
    /// </summary>
    public async Task<IResult> PageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        var access = await _access.CheckAsync(null, request.Query["token"], _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            return UploadHandlers.PlainPage(access);
        }

        if (await _activeRules.GetAsync(cancellationToken) is not { } rules || rules.FindUnit(access.TokenUnit!) is not { } unit)
        {
            return UploadHandlers.PlainPage(StatusCodes.Status503ServiceUnavailable, Messages.NoRulesYet.Vi, Messages.NoRulesYet.En);
        }

        // The reports of the plans that require approval, from each plan's report index with the decision noted beside each
        // report: not every report and every decision of the country.
        await _index.EnsureBuiltAsync(_reports, rules, cancellationToken);
        await _index.EnsureDecisionsNotedAsync(_decisions, rules, cancellationToken);
        var reports = new List<ReportRecord>();
        foreach (var planPlace in rules.Plans.Where(plan => plan.Approval.Required).Select(plan => plan.District.Id).Distinct(StringComparer.Ordinal))
        {
            reports.AddRange(await _index.ForPlanAsync(planPlace, cancellationToken));
        }

        var rows = reports
            .Select(report => (Report: report, Plan: rules.FindPlan(Period.Parse(report.Period), report.Jurisdiction)))
            .Where(entry => entry.Plan is { Approval.Required: true } && ReportDecisions.MayDecide(rules, entry.Plan, unit.Id, entry.Report.Jurisdiction))
            .OrderByDescending(entry => entry.Report.Period, StringComparer.Ordinal)
            .ThenByDescending(entry => entry.Report.Key, StringComparer.Ordinal)
            .Select(entry => Row(rules, entry.Plan!, entry.Report, entry.Report.Decision))
            .ToList();
        return Results.Content(ApprovalsPage.Render(unit.Name, rows), "text/html; charset=utf-8");
    }

    private static ApprovalRow Row(RuleBook rules, Plan plan, ReportRecord report, DecisionStamp? decision)
    {
        var state = decision?.State ?? ApprovalState.Pending;
        return new ApprovalRow(
            report.Key, Period.Parse(report.Period).Label, plan.NameOf(report.Jurisdiction), rules.FindUnit(report.Unit)?.Name ?? new LocalizedText(report.Unit, report.Unit),
            Day(report.ReceivedAt), state.Word(), state.Words(),
            decision is null ? null : rules.FindUnit(decision.By)?.Name ?? new LocalizedText(decision.By, decision.By),
            decision is null ? "" : Day(decision.At), decision?.Reason ?? "");
    }

    private static string AlreadyDecided(ApprovalState state, Language language)
    {
        var words = state.Words();
        return Messages.AlreadyDecided.Format(language, words.Vi, words.En);
    }

    /// <summary>A day and time in Vietnam, as the page and the API's readers see it.</summary>
    internal static string Day(DateTimeOffset instant) => instant.ToOffset(ReportingCalendar.VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision on report {Report} by {Unit}: {Outcome}")]
    private partial void LogDecision(string report, string unit, string outcome);
}

/// <summary>The body of a decision.</summary>
/// <param name="Decision"><c>approve</c> or <c>return</c>.</param>
/// <param name="Reason">Why (required for a return).</param>
public sealed record DecisionRequest(string? Decision, string? Reason);

/// <summary>Where a report stands under a plan that requires approval, as the API, <c>scorecard --json</c> and the page's script read it.</summary>
/// <param name="State"><c>pending</c>, <c>approved</c> or <c>returned</c>.</param>
/// <param name="By">The unit that decided, or null while pending.</param>
/// <param name="At">When, or null while pending.</param>
/// <param name="Reason">A return's reason, or null.</param>
/// <param name="ByName">The deciding unit's name, for a page to show.</param>
/// <param name="On">When, in Vietnam time as a page shows it.</param>
public sealed record ApprovalResponse(string State, string? By, DateTimeOffset? At, string? Reason, LocalizedText? ByName = null, string? On = null)
{
    /// <summary>The response of <paramref name="decision"/>, or "pending" when there is none.</summary>
    public static ApprovalResponse Of(StoredDecision? decision, RuleBook? rules) => decision is null
        ? new ApprovalResponse(ApprovalState.Pending.Word(), null, null, null)
        : new ApprovalResponse(
            decision.Stamp.State.Word(), decision.Stamp.By, decision.Stamp.At, decision.Stamp.Reason.Length == 0 ? null : decision.Stamp.Reason,
            rules?.FindUnit(decision.Stamp.By)?.Name, ApprovalHandlers.Day(decision.Stamp.At));
}

/// <summary>The answer to a decision: the report and where it stands.</summary>
/// <param name="Report">The report's key.</param>
/// <param name="Period">Its period.</param>
/// <param name="Jurisdiction">Its place.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Approval">The decision that stands.</param>
public sealed record ReportDecisionResponse(string Report, string Period, string Jurisdiction, string Unit, ApprovalResponse Approval)
{
    /// <summary>The answer about <paramref name="report"/>.</summary>
    public static ReportDecisionResponse Of(ReportRecord report, StoredDecision? decision, RuleBook? rules) =>
        new(report.Key, report.Period, report.Jurisdiction, report.Unit, ApprovalResponse.Of(decision, rules));
}

/// <summary>A decision refused because the report was decided the other way before.</summary>
/// <param name="Error">What happened, in the caller's language.</param>
/// <param name="Approval">The decision that stands.</param>
public sealed record DecisionConflict(string Error, ApprovalResponse Approval);
