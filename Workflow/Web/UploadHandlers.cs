using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
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
    private static readonly LocalizedText NoRules = new("Chưa có bộ chỉ tiêu nào được áp dụng; chưa thể nhận báo cáo.", "No rules are active yet, so no report can be received.");

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
        string? unit = request.Query["unit"];
        var access = await _access.CheckAsync(unit, request.Query["token"], _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            LogRefused(unit, access.Outcome);
            return PlainPage(access.Outcome);
        }

        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return PlainPage(StatusCodes.Status503ServiceUnavailable, NoRules.Vi, NoRules.En);
        }

        var shown = rules.FindUnit(unit ?? access.TokenUnit!) ?? rules.FindUnit(access.TokenUnit!);
        if (shown is null)
        {
            var (vi, en) = UnknownUnit(unit ?? access.TokenUnit!);
            return PlainPage(StatusCodes.Status404NotFound, vi, en);
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
        var language = UploadRequests.LanguageOf(request);
        string? unit = request.Query["unit"];
        var access = await _access.CheckAsync(unit, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            LogRefused(unit, access.Outcome);
            return Refusal(access.Outcome, language);
        }

        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, NoRules.In(language));
        }

        unit ??= access.TokenUnit!;
        if (rules.FindUnit(unit) is null)
        {
            var (vi, en) = UnknownUnit(unit);
            return Error(StatusCodes.Status400BadRequest, language == Language.Vietnamese ? vi : en);
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
        var language = UploadRequests.LanguageOf(request);
        var access = await _access.CheckAsync(null, UploadRequests.BearerOf(request), _requests.AddressOf(request), cancellationToken);
        if (!access.IsAllowed)
        {
            return Refusal(access.Outcome, language);
        }

        var upload = await _webUploads.FindAsync(id, cancellationToken);
        if (upload is null || !(access.TokenUnit == upload.Unit || access.TokenUnit == upload.Uploader || access.ActsForAll))
        {
            // The same answer for another unit's upload as for none: ids are not for probing.
            return Error(StatusCodes.Status404NotFound, language == Language.Vietnamese ? "Không tìm thấy lần gửi báo cáo này." : "No such upload.");
        }

        var row = await _uploadLog.FindAsync(StorageNames.ReportsContainer, id, cancellationToken);
        return row?.State switch
        {
            UploadState.Done when row.Detail is { } reportKey => Results.Json(
                new UploadStatusResponse(id, "scored", upload.Period, upload.Jurisdiction, await ResultsOfAsync(upload, reportKey, cancellationToken), null), ApiJson.Options),
            UploadState.Rejected or UploadState.Failed => Results.Json(
                new UploadStatusResponse(id, "rejected", upload.Period, upload.Jurisdiction, null, LinesOf(row.Detail)), ApiJson.Options),
            _ => Results.Json(new UploadStatusResponse(id, "queued", upload.Period, upload.Jurisdiction, null, null), ApiJson.Options),
        };
    }

    /// <summary><c>GET /api/template?format=xlsx|csv[&amp;period=P][&amp;jurisdiction=J]</c>: the blank report, from the active rules; no link needed.</summary>
    public async Task<IResult> TemplateAsync(string? format, string? period, string? jurisdiction, CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "Chưa có bộ chỉ tiêu nào được áp dụng. / No rules are active yet.");
        }

        Period? parsed = Period.TryParse(period, out var value) ? value : null;
        if (format is not ("xlsx" or "csv" or null) || (period is not null && parsed is null))
        {
            return Error(StatusCodes.Status400BadRequest, "format=xlsx|csv, period=YYYY or YYYY-H1");
        }

        var plan = parsed is { } known ? rules.PlansCovering(known).FirstOrDefault() ?? rules.Plans[^1] : rules.Plans[^1];
        var place = jurisdiction is not null && plan.HasJurisdiction(jurisdiction) ? jurisdiction : null;
        var rows = ReportTemplate.Rows(plan, parsed, place);
        using var buffer = new MemoryStream();
        var xlsx = format != "csv";
        if (xlsx)
        {
            ReportTemplateWorkbook.Write(rows, buffer);
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

    private static List<UploadError> LinesOf(string? detail) =>
        (detail ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => new UploadError(null, null, null, line)).ToList();

    private static UploadError ErrorOf(Problem problem, Language language)
    {
        var place = ProblemPlace.Of(problem);
        return new UploadError(place.Row, place.Column, place.Indicator, language == Language.Vietnamese ? problem.MessageVi ?? problem.Message : problem.Message);
    }

    private static (string Vi, string En) UnknownUnit(string unit) =>
        ($"Không có đơn vị '{unit}' trong danh sách đơn vị của kế hoạch.", $"There is no unit '{unit}' in the plan's units.");

    private static int StatusOf(AccessOutcome outcome) => outcome switch
    {
        AccessOutcome.OtherUnit => StatusCodes.Status403Forbidden,
        AccessOutcome.Throttled => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status401Unauthorized,
    };

    /// <summary>A JSON error with a plain message.</summary>
    internal static IResult Error(int status, string message) => Results.Json(new ErrorResponse(message), ApiJson.Options, statusCode: status);

    /// <summary>The plain page that refuses a link.</summary>
    internal static IResult PlainPage(AccessOutcome outcome) =>
        PlainPage(StatusOf(outcome), UploadAccess.Refusal(outcome, Language.Vietnamese), UploadAccess.Refusal(outcome, Language.English));

    /// <summary>The JSON answer that refuses a link.</summary>
    internal static IResult Refusal(AccessOutcome outcome, Language language) => Error(StatusOf(outcome), UploadAccess.Refusal(outcome, language));

    private static IResult PlainPage(int status, string vi, string en)
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
