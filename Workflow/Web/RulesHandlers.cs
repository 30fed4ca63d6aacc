using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Text;
using GenderPlan.Documents.RuleChanges;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// The rules page and its API: every link may read the rules; only the coordinator's may preview and apply a
/// change, which becomes the same rules files an upload would be, through the same validation, preview and
/// history, with the link's unit recorded as the author.
/// </summary>
public sealed partial class RulesHandlers
{
    private const int MaxBodyBytes = 256 * 1024;
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };
    private readonly ActiveRules _activeRules;
    private readonly RuleSetStore _files;
    private readonly RulesIntake _intake;
    private readonly RulesPreviewer _previewer;
    private readonly UploadAccess _access;
    private readonly UploadRequests _requests;
    private readonly ILogger<RulesHandlers> _logger;

    /// <summary>Creates the handlers.</summary>
    public RulesHandlers(
        ActiveRules activeRules, RuleSetStore files, RulesIntake intake, RulesPreviewer previewer, UploadAccess access, UploadRequests requests,
        ILogger<RulesHandlers> logger)
    {
        _activeRules = activeRules;
        _files = files;
        _intake = intake;
        _previewer = previewer;
        _access = access;
        _requests = requests;
        _logger = logger;
    }

    /// <summary><c>GET /rules?unit=ID&amp;token=T</c>: the rules as a table, editable for the coordinator's link only.</summary>
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
            return UploadHandlers.Error(StatusCodes.Status503ServiceUnavailable, Messages.NoRulesYet.Format(UploadRequests.LanguageOf(request)));
        }

        return Results.Content(RulesPage.Render(rules, unit, rules.IsCoordinator(unit.Id)), "text/html; charset=utf-8");
    }

    /// <summary><c>POST /api/rules/preview</c>: what the edit would change; nothing is stored or sent.</summary>
    public Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        WithEditAsync(request, async (proposed, _, _, _, _) => Results.Json(RulesPreviewResponse.From(await _previewer.PreviewAsync(proposed, cancellationToken)), ApiJson.Options), cancellationToken);

    /// <summary><c>POST /api/rules/apply</c>: publishes the edit as the new rules, recording the link's unit as the author.</summary>
    public Task<IResult> ApplyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        WithEditAsync(
            request,
            async (proposed, sources, author, baseVersion, language) =>
            {
                var change = await _intake.ChangeAsync(sources, baseVersion, author, cancellationToken);
                if (change.Conflict)
                {
                    return Conflict(change.Version, language);
                }

                LogApplied(proposed.Version, author, change.Outcome!.Value);
                return change.Problems.Count > 0
                    ? Refused(change.Problems, language)
                    : Results.Json(new RulesApplied(proposed.Version, change.Outcome == RulesOutcome.Activated ? "activated" : "unchanged"), ApiJson.Options);
            },
            cancellationToken);

    private async Task<IResult> WithEditAsync(
        HttpRequest request, Func<RuleBook, IReadOnlyList<RuleSource>, string, string, Language, Task<IResult>> then, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        var language = UploadRequests.LanguageOf(request);
        var access = await _access.CheckAsync(null, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            return UploadHandlers.Refusal(access, language);
        }

        if (!access.ActsForAll)
        {
            return UploadHandlers.Error(StatusCodes.Status403Forbidden, Messages.CoordinatorOnly.Format(language, access.CoordinatorIn(language)));
        }

        if (request.ContentLength is null or > MaxBodyBytes || await _activeRules.GetActiveInfoAsync(cancellationToken) is not { } active)
        {
            return UploadHandlers.Error(StatusCodes.Status400BadRequest, Messages.EditTooLarge.Format(language));
        }

        RulesEdit? edit;
        try
        {
            edit = await JsonSerializer.DeserializeAsync<RulesEdit>(request.Body, Reading, cancellationToken);
        }
        catch (JsonException exception)
        {
            return UploadHandlers.Error(StatusCodes.Status400BadRequest, Messages.EditUnreadable.Format(language, exception.Message));
        }

        // An edit made on a page showing another version than the one in force is refused, never laid over it.
        if (edit?.BaseVersion is { } shown && shown != active.Version)
        {
            return Conflict(active.Version, language);
        }

        var edited = RuleEdits.Apply(await _files.ReadSnapshotAsync(active.Version, cancellationToken), edit ?? new RulesEdit(null, null));
        var loaded = edited.Problems.Count == 0 ? RuleBookLoader.Load(edited.Sources) : null;
        if (loaded?.RuleBook is not { } proposed)
        {
            var problems = edited.Problems.Count > 0 ? edited.Problems : loaded!.Problems;
            return Refused(problems, language);
        }

        return await then(proposed, edited.Sources, access.TokenUnit!, active.Version, language);
    }

    /// <summary>409 with the version now in force: the edit was made from another one and must be made again from it.</summary>
    private static IResult Conflict(string? current, Language language) =>
        Results.Json(new RulesConflict(Messages.RulesChangedMeanwhile.Format(language, current ?? ""), current), ApiJson.Options, statusCode: StatusCodes.Status409Conflict);

    /// <summary>422 with every problem of the rules, each whole (file, place and message) in the caller's language.</summary>
    private static IResult Refused(IReadOnlyList<Problem> problems, Language language) =>
        Results.Json(
            new UploadRefused(problems.Select(problem => new UploadError(null, null, null, problem.In(language))).ToList()),
            ApiJson.Options,
            statusCode: StatusCodes.Status422UnprocessableEntity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules {Version} applied from the rules page by {Author}: {Outcome}")]
    private partial void LogApplied(string version, string author, RulesOutcome outcome);
}

/// <summary>A change applied from the rules page.</summary>
/// <param name="Version">The version now in force.</param>
/// <param name="Outcome"><c>activated</c>, or <c>unchanged</c> when the edit changed nothing.</param>
public sealed record RulesApplied(string Version, string Outcome);

/// <summary>An edit refused because the rules changed since the page showed them.</summary>
/// <param name="Error">What happened and what to do, in the caller's language.</param>
/// <param name="Version">The version in force now.</param>
public sealed record RulesConflict(string Error, string? Version);
