using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Reports;
using GenderPlan.Documents.Uploads;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// The upload page and its API, written once for the Functions app (anonymous HTTP functions: officials have
/// links, not function keys, so the token is checked here) and for <c>genderplan serve --http</c>. A file is
/// read and checked while the caller waits, with the reader the workflow scores with; only a report that passes
/// is stored, so a refused file leaves nothing behind.
/// </summary>
public sealed partial class UploadHandlers
{
    private readonly ActiveRules _activeRules;
    private readonly UploadAccess _access;
    private readonly UploadRequests _requests;
    private readonly ReportStore _reports;
    private readonly WebUploadStore _webUploads;
    private readonly UploadLog _uploadLog;
    private readonly ResultStore _results;
    private readonly TimeProvider _clock;
    private readonly ILogger<UploadHandlers> _logger;

    /// <summary>Creates the handlers.</summary>
    public UploadHandlers(
        ActiveRules activeRules, UploadAccess access, UploadRequests requests, ReportStore reports, WebUploadStore webUploads, UploadLog uploadLog,
        ResultStore results, TimeProvider clock, ILogger<UploadHandlers> logger)
    {
        _activeRules = activeRules;
        _access = access;
        _requests = requests;
        _reports = reports;
        _webUploads = webUploads;
        _uploadLog = uploadLog;
        _results = results;
        _clock = clock;
        _logger = logger;
    }

    /// <summary><c>GET /upload?unit=ID&amp;token=T</c>: the unit's upload page, or a plain page saying why not.</summary>
    public async Task<IResult> PageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        string? unit = request.Query["unit"];
        var access = await _access.CheckAsync(unit, request.Query["token"], _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            LogRefused(unit, access.Outcome);
            return PlainPage(access);
        }

        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return PlainPage(StatusCodes.Status503ServiceUnavailable, Messages.NoRulesForReports.Vi, Messages.NoRulesForReports.En);
        }

        var shown = rules.FindUnit(unit ?? access.TokenUnit!) ?? rules.FindUnit(access.TokenUnit!);
        if (shown is null)
        {
            var unknown = unit ?? access.TokenUnit!;
            return PlainPage(StatusCodes.Status404NotFound, Messages.UnknownUnit.Format(Language.Vietnamese, unknown), Messages.UnknownUnit.Format(Language.English, unknown));
        }

        var input = new UploadPageInput(rules, shown, access.ActsForAll, ReportingCalendar.VietnamDate(_clock.GetUtcNow()));
        return Results.Content(UploadPage.Render(input), "text/html; charset=utf-8");
    }

    /// <summary>
    /// <c>POST /api/reports?unit=ID</c> with <c>Authorization: Bearer T</c> and one file field <c>file</c>: 202 with the
    /// upload's id when the report is valid and stored; 422 with every problem, nothing stored; 401/403 for a
    /// wrong link; 413 over 5 MB, nothing read.
    /// </summary>
    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        var language = UploadRequests.LanguageOf(request);
        string? unit = request.Query["unit"];
        var access = await _access.CheckAsync(unit, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            LogRefused(unit, access.Outcome);
            return Refusal(access, language);
        }

        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, Messages.NoRulesForReports.Format(language));
        }

        unit ??= access.TokenUnit!;
        if (rules.FindUnit(unit) is null)
        {
            return Error(StatusCodes.Status400BadRequest, Messages.UnknownUnit.Format(language, unit));
        }

        var file = await _requests.ReadFileAsync(request, language, cancellationToken);
        if (file.Refusal is { } refusal)
        {
            return refusal;
        }

        var read = ReportAdmission.Read(rules, unit, file.Name, file.Content);
        if (read.Report is not { } report)
        {
            LogInvalid(unit, file.Name, read.Problems.Count);
            return Results.Json(new UploadRefused(read.Problems.Select(problem => ErrorOf(problem, language)).ToList()), ApiJson.Options, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var blob = await _reports.AddAsync(unit, file.Name, file.Content, access.TokenUnit!, cancellationToken);
        var id = UploadLog.KeyOf(StorageNames.ReportsContainer, blob.Name, blob.ETag);
        var indicators = report.Values.Count;
        await _webUploads.RecordAsync(
            new WebUpload(id, unit, access.TokenUnit!, blob.Name, report.Period.ToString(), report.Jurisdiction, indicators, blob.LastModified), cancellationToken);
        LogAccepted(blob.Name, access.TokenUnit!, id);
        var place = report.Plan.NameOf(report.Jurisdiction);
        return Results.Json(
            new UploadAccepted(id, "queued", report.Period.ToString(), report.Jurisdiction, place, indicators, blob.Name),
            ApiJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>GET /api/uploads/{id}</c> with the link's token: <c>queued</c>, <c>scored</c> with the results, or <c>rejected</c> with why.</summary>
    public async Task<IResult> StatusAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        LinkHeaders.Apply(request);
        var language = UploadRequests.LanguageOf(request);
        var access = await _access.CheckAsync(null, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            return Refusal(access, language);
        }

        var upload = await _webUploads.FindAsync(id, cancellationToken);
        if (upload is null || !(access.TokenUnit == upload.Unit || access.TokenUnit == upload.Uploader || access.ActsForAll))
        {
            // The same answer for another unit's upload as for none: ids are not for probing.
            return Error(StatusCodes.Status404NotFound, Messages.NoSuchUpload.Format(language));
        }

        var row = await _uploadLog.FindAsync(StorageNames.ReportsContainer, id, cancellationToken);
        return row?.State switch
        {
            UploadState.Done when row.ReportKey is { } reportKey => Results.Json(
                new UploadStatusResponse(id, "scored", upload.Period, upload.Jurisdiction, await ResultsOfAsync(upload, reportKey, cancellationToken), null), ApiJson.Options),
            UploadState.Rejected or UploadState.Failed => Results.Json(
                new UploadStatusResponse(id, "rejected", upload.Period, upload.Jurisdiction, null, ErrorsOf(row, language)), ApiJson.Options),
            _ => Results.Json(new UploadStatusResponse(id, "queued", upload.Period, upload.Jurisdiction, null, null), ApiJson.Options),
        };
    }

    /// <summary>
    /// <c>GET /api/template?format=xlsx|csv[&amp;period=P][&amp;jurisdiction=J]</c>: the blank report, from the active rules, with
    /// the period asked for or else the one due today; no link needed.
    /// </summary>
    public async Task<IResult> TemplateAsync(string? format, string? period, string? jurisdiction, HttpRequest request, CancellationToken cancellationToken)
    {
        var language = UploadRequests.LanguageOf(request);
        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, Messages.NoIndicatorsYet.Format(language));
        }

        Period? parsed = Period.TryParse(period, out var value) ? value : null;
        if (format is not ("xlsx" or "csv" or null) || (period is not null && parsed is null))
        {
            return Error(StatusCodes.Status400BadRequest, Messages.TemplateQuery.Format(language));
        }

        // Without a period, the one due today: the template then needs nothing but the values.
        parsed ??= period is null ? DuePeriod.On(rules, ReportingCalendar.VietnamDate(_clock.GetUtcNow()), jurisdiction) : null;
        var plan = parsed is { } known ? rules.PlansCovering(known).FirstOrDefault() ?? rules.Plans[^1] : rules.Plans[^1];
        var place = jurisdiction is not null && plan.HasJurisdiction(jurisdiction) ? jurisdiction : null;
        var rows = ReportTemplate.Rows(plan, parsed, place);
        using var buffer = new MemoryStream();
        var xlsx = format != "csv";
        if (xlsx)
        {
            ReportTemplateWorkbook.Write(plan, parsed, place, buffer);
        }
        else
        {
            ReportTemplate.WriteCsv(rows, buffer);
        }

        var name = $"mau-bao-cao{(parsed is { } named ? "-" + named : "")}{(place is null ? "" : "-" + place)}.{(xlsx ? "xlsx" : "csv")}";
        return Results.File(buffer.ToArray(), xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
    }

    private async Task<IReadOnlyList<ResultResponse>> ResultsOfAsync(WebUpload upload, string reportKey, CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        var plan = Period.TryParse(upload.Period, out var period) ? rules?.FindPlan(period, upload.Jurisdiction) : null;
        return ResultResponses.InPlanOrder(await _results.ForReportAsync(upload.Jurisdiction, upload.Period, reportKey, cancellationToken), plan);
    }

    /// <summary>Why a report was refused by the trigger, placed and worded as the page's own refusal is.</summary>
    private static List<UploadError> ErrorsOf(UploadEntity row, Language language)
    {
        if (row.State == UploadState.Failed)
        {
            return [new UploadError(null, null, null, row.Error ?? "")];
        }

        var stored = row.Problems();
        var errors = stored.Problems.Select(problem => ErrorOf(problem, language)).ToList();
        if (stored.More > 0)
        {
            errors.Add(new UploadError(null, null, null, Messages.TooManyProblems.Format(language, stored.More)));
        }

        return errors;
    }

    /// <summary>One problem for the page's table: row, column and indicator apart, the message in the caller's language.</summary>
    internal static UploadError ErrorOf(Problem problem, Language language) =>
        problem.Location is { IsInTable: true } place
            ? new UploadError(place.Row, place.Column, place.Indicator, problem.Text.In(language))
            : new UploadError(null, null, null, problem.Location is { } other ? $"{other.In(language)}: {problem.Text.In(language)}" : problem.Text.In(language));

    private static int StatusOf(AccessOutcome outcome) => outcome switch
    {
        AccessOutcome.OtherUnit => StatusCodes.Status403Forbidden,
        AccessOutcome.Throttled => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status401Unauthorized,
    };

    /// <summary>A JSON error with a plain message.</summary>
    internal static IResult Error(int status, string message) => Results.Json(new ErrorResponse(message), ApiJson.Options, statusCode: status);

    /// <summary>The plain page that refuses a link.</summary>
    internal static IResult PlainPage(LinkAccess access) =>
        PlainPage(StatusOf(access.Outcome), UploadAccess.Refusal(access, Language.Vietnamese), UploadAccess.Refusal(access, Language.English));

    /// <summary>The JSON answer that refuses a link.</summary>
    internal static IResult Refusal(LinkAccess access, Language language) => Error(StatusOf(access.Outcome), UploadAccess.Refusal(access, language));

    internal static IResult PlainPage(int status, string vi, string en)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>GenderPlan</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5{"}"}</style></head>
            <body><h1>Không mở được trang gửi báo cáo</h1><p id="message">{System.Net.WebUtility.HtmlEncode(vi)}</p><p lang="en">{System.Net.WebUtility.HtmlEncode(en)}</p></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload link refused for unit {Unit}: {Outcome}")]
    private partial void LogRefused(string? unit, AccessOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload from {Unit} refused, nothing stored: {File} has {Count} problem(s)")]
    private partial void LogInvalid(string unit, string file, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload stored as {Blob} by {Uploader}: {Upload}")]
    private partial void LogAccepted(string blob, string uploader, string upload);
}
