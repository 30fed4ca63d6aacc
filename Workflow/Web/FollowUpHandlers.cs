using System.Text.Json;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Text;
using GenderPlan.Documents.FollowUps;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Web;

/// <summary>A unit's answer to a case, or the coordinator's closing of it.</summary>
/// <param name="Action">What the unit will do.</param>
/// <param name="ExpectedBy">When it expects a result (yyyy-mm-dd).</param>
/// <param name="Close">True when the coordinator closes the case.</param>
/// <param name="Reason">The coordinator's reason.</param>
public sealed record FollowUpAnswerRequest(string? Action, string? ExpectedBy, bool? Close, string? Reason);

/// <summary>A case as the API gives it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Unit">The unit that must act.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Place">The place.</param>
/// <param name="Period">The period.</param>
/// <param name="Status">The status alerted.</param>
/// <param name="State">The state's wire word.</param>
/// <param name="StateLabel">The state in Vietnamese and English.</param>
/// <param name="OpenedOn">The day it was opened.</param>
/// <param name="Action">The unit's action.</param>
/// <param name="ExpectedBy">When it expects a result.</param>
/// <param name="By">Who acted last.</param>
/// <param name="At">When.</param>
/// <param name="Resolution">Why it was closed: <c>report</c>, <c>rules</c> or <c>coordinator</c>.</param>
/// <param name="Reason">The reason given.</param>
public sealed record FollowUpResponse(
    string Id, string Unit, string Indicator, string Place, string Period, string Status, string State, LocalizedText StateLabel, string OpenedOn,
    string? Action, string? ExpectedBy, string By, DateTimeOffset At, string? Resolution, string? Reason)
{
    /// <summary>The API's view of <paramref name="found"/>.</summary>
    public static FollowUpResponse Of(FollowUpCase found) => new(
        found.Id, found.Unit, found.Indicator, found.Place, found.Period, found.Status.Word(), found.State.Word(), FollowUpPage.Label(found.State),
        found.OpenedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), found.Action,
        found.ExpectedBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), found.By, found.At, found.Resolution?.Word(), found.Reason);
}

/// <summary>A unit's cases.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="FollowUps">Its cases, newest first.</param>
public sealed record FollowUpListResponse(string Unit, IReadOnlyList<FollowUpResponse> FollowUps);

/// <summary>A refused answer: which field, and why.</summary>
/// <param name="Error">Why, in Vietnamese then English.</param>
/// <param name="Field">The field refused.</param>
public sealed record FollowUpRefusal(string Error, string? Field);

/// <summary>
/// The follow-up page and its API, written once for the Functions app and <c>genderplan serve --http</c>. The link's
/// token decides everything: a unit sees and answers its own cases only; the coordinator's token may read any unit's
/// and close a case with a reason, but never answers for a unit. A token that an alert copied to other units carried
/// answers follow-ups only (<see cref="UploadTokenStore.IssueAsync"/>).
/// </summary>
public sealed partial class FollowUpHandlers
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };
    private readonly ActiveRules _activeRules;
    private readonly UploadAccess _access;
    private readonly UploadRequests _requests;
    private readonly FollowUpStore _store;
    private readonly FollowUpService _followUps;
    private readonly TimeProvider _clock;
    private readonly ILogger<FollowUpHandlers> _logger;

    /// <summary>Creates the handlers.</summary>
    public FollowUpHandlers(
        ActiveRules activeRules, UploadAccess access, UploadRequests requests, FollowUpStore store, FollowUpService followUps, TimeProvider clock, ILogger<FollowUpHandlers> logger)
    {
        _activeRules = activeRules;
        _access = access;
        _requests = requests;
        _store = store;
        _followUps = followUps;
        _clock = clock;
        _logger = logger;
    }

    /// <summary><c>GET /follow-ups?unit=ID&amp;token=T</c>: the unit's cases with their forms, or a plain page saying why not.</summary>
    public async Task<IResult> PageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        string? unit = request.Query["unit"];
        var access = await _access.CheckAsync(unit, request.Query["token"], _requests.AddressOf(request), cancellationToken, followUps: true);
        if (!access.IsAllowed)
        {
            LogRefused(unit, access.Outcome);
            return UploadHandlers.PlainPage(access);
        }

        var rules = await _activeRules.GetAsync(cancellationToken);
        var shown = rules?.FindUnit(unit ?? access.TokenUnit!);
        if (rules is null || shown is null)
        {
            return UploadHandlers.PlainPage(new LinkAccess(AccessOutcome.Invalid, null, Coordinator: access.Coordinator));
        }

        var cases = await _store.ForUnitAsync(shown.Id, cancellationToken);
        var own = shown.Id == access.TokenUnit;
        // The coordinator's own link also lists every other unit's open case of the plans it coordinates, to close with a reason.
        var overseen = own && access.ActsForAll
            ? (await _store.OpenAsync(cancellationToken)).Select(stored => stored.Case).Where(found => found.Unit != shown.Id && CoordinatedBy(rules, found, shown.Id)).ToList()
            : null;
        var html = FollowUpPage.Render(new FollowUpPageInput(rules, shown, cases, ReportingCalendar.VietnamDate(_clock.GetUtcNow()), own, overseen));
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary><c>GET /api/follow-ups?unit=ID</c> with <c>Authorization: Bearer T</c>: the unit's cases; 403 for another unit's.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        string? unit = request.Query["unit"];
        var access = await _access.CheckAsync(unit, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken, followUps: true);
        if (!access.IsAllowed)
        {
            return UploadHandlers.Refusal(access, UploadRequests.LanguageOf(request));
        }

        var shown = unit ?? access.TokenUnit!;
        var cases = await _store.ForUnitAsync(shown, cancellationToken);
        return Results.Json(new FollowUpListResponse(shown, [.. cases.Select(FollowUpResponse.Of)]), ApiJson.Options);
    }

    /// <summary>
    /// <c>POST /api/follow-ups/{id}</c> with <c>Authorization: Bearer T</c> and <c>{"action": "...", "expectedBy": "yyyy-mm-dd"}</c>:
    /// 200 with the case; 403 for another unit's case; 422 for an empty action or a past date; 409 for a closed case.
    /// The coordinator closes one with <c>{"close": true, "reason": "..."}</c>.
    /// </summary>
    public async Task<IResult> AnswerAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        var language = UploadRequests.LanguageOf(request);
        var access = await _access.CheckAsync(null, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken, followUps: true);
        if (!access.IsAllowed)
        {
            return UploadHandlers.Refusal(access, language);
        }

        if (request.ContentLength is > MaxBodyBytes)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, $"Nội dung quá {MaxBodyBytes / 1024} KB. / The body is over {MaxBodyBytes / 1024} KB.", null);
        }

        FollowUpAnswerRequest? answer;
        try
        {
            using var bounded = new MemoryStream();
            await request.Body.CopyToAsync(bounded, cancellationToken);
            if (bounded.Length > MaxBodyBytes)
            {
                return Refused(StatusCodes.Status413PayloadTooLarge, $"Nội dung quá {MaxBodyBytes / 1024} KB. / The body is over {MaxBodyBytes / 1024} KB.", null);
            }

            answer = JsonSerializer.Deserialize<FollowUpAnswerRequest>(bounded.ToArray(), Reading);
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer is null)
        {
            return Refused(StatusCodes.Status400BadRequest, "Nội dung không phải JSON {\"action\", \"expectedBy\"}. / The body is not JSON {\"action\", \"expectedBy\"}.", null);
        }

        var result = answer.Close == true
            ? access.ActsForAll ? await _followUps.CloseAsync(id, access.TokenUnit!, answer.Reason, cancellationToken) : new FollowUpResult(FollowUpOutcome.Forbidden)
            : await _followUps.AcknowledgeAsync(id, access.TokenUnit!, answer.Action, answer.ExpectedBy, cancellationToken);
        if (result.Outcome == FollowUpOutcome.Forbidden)
        {
            LogForbidden(id, access.TokenUnit!);
        }

        return result.Outcome switch
        {
            FollowUpOutcome.Changed => Results.Json(FollowUpResponse.Of(result.Case!), ApiJson.Options),
            FollowUpOutcome.NotFound => Refused(StatusCodes.Status404NotFound, "Không có trường hợp theo dõi này. / No such follow-up case.", null),
            FollowUpOutcome.Forbidden => Refused(StatusCodes.Status403Forbidden, Messages.LinkOtherUnit.Format(language), null),
            FollowUpOutcome.Closed => Refused(StatusCodes.Status409Conflict, result.Problem ?? "Trường hợp này đã được giải quyết. / This case is closed.", null),
            _ => Refused(StatusCodes.Status422UnprocessableEntity, result.Problem ?? "", result.Field),
        };
    }

    private static bool CoordinatedBy(RuleBook rules, FollowUpCase found, string coordinator) =>
        (Period.TryParse(found.Period, out var period) ? rules.FindPlan(period, found.Place) : null)?.Coordinator is not { } planCoordinator || planCoordinator == coordinator;

    private static IResult Refused(int status, string message, string? field) => Results.Json(new FollowUpRefusal(message, field), ApiJson.Options, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up link refused for unit {Unit}: {Outcome}")]
    private partial void LogRefused(string? unit, AccessOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {Id} refused to unit {Unit}: another unit's case")]
    private partial void LogForbidden(string id, string unit);
}
