using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Handlers;

/// <summary>
/// Scores a report uploaded to <c>reports/{unit}/{file}</c> with the active rules. The order of writes is
/// the outbox pattern: alerts are stored first, then results, alert state and the report log, and only
/// then is anything sent; a crash anywhere is repaired by the trigger's retry, and nothing is sent twice.
/// The same blob version processed again does nothing.
/// </summary>
public sealed partial class ReportIntake : IReportIntake
{
    private readonly StorageClients _storage;
    private readonly ActiveRules _activeRules;
    private readonly RulesIntake _rulesIntake;
    private readonly UploadLog _uploads;
    private readonly ResultStore _results;
    private readonly AlertStateStore _alertState;
    private readonly ReportLog _reports;
    private readonly AlertOutbox _outbox;
    private readonly AlertDispatcher _dispatcher;
    private readonly DashboardPublisher _dashboard;
    private readonly WorkflowOptions _options;
    private readonly ILogger<ReportIntake> _logger;

    /// <summary>Creates the handler.</summary>
    public ReportIntake(
        StorageClients storage, ActiveRules activeRules, RulesIntake rulesIntake, UploadLog uploads, ResultStore results, AlertStateStore alertState,
        ReportLog reports, AlertOutbox outbox, AlertDispatcher dispatcher, DashboardPublisher dashboard, IOptions<WorkflowOptions> options, ILogger<ReportIntake> logger)
    {
        _storage = storage;
        _activeRules = activeRules;
        _rulesIntake = rulesIntake;
        _uploads = uploads;
        _results = results;
        _alertState = alertState;
        _reports = reports;
        _outbox = outbox;
        _dispatcher = dispatcher;
        _dashboard = dashboard;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ReportOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = _storage.Container(StorageNames.ReportsContainer).GetBlobClient(blobName);
        var attempt = await _uploads.BeginAsync(blob, cancellationToken);
        if (attempt.Properties is not { } properties)
        {
            LogMissing(blobName);
            return ReportOutcome.Missing;
        }

        if (!attempt.CanProceed)
        {
            LogAlreadyProcessed(blobName);
            return ReportOutcome.AlreadyProcessed;
        }

        try
        {
            return await ProcessVersionAsync(blob, properties, attempt.Key, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && attempt.Attempt >= _options.MaxReportAttempts)
        {
            LogGaveUp(exception, blobName, attempt.Attempt);
            await GiveUpAsync(blobName, attempt.Key, UnitOf(blobName, properties), exception.Message, cancellationToken);
            return ReportOutcome.Failed;
        }
    }

    private async Task<ReportOutcome> ProcessVersionAsync(BlobClient blob, BlobProperties properties, string key, CancellationToken cancellationToken)
    {
        var rules = await RequireRulesAsync(cancellationToken);
        var unit = UnitOf(blob.Name, properties);
        if (unit is null || rules.FindUnit(unit) is null)
        {
            var known = string.Join(", ", rules.Units.Select(known => known.Id));
            return await RejectAsync(blob, key, unit, rules, [new Problem(blob.Name, null, $"the sending unit is unknown: upload the file as reports/<unit>/{Path.GetFileName(blob.Name)}, where <unit> is one of {known}")], cancellationToken);
        }

        if (ReportReader.CheckSize(blob.Name, properties.ContentLength) is { } tooLarge)
        {
            return await RejectAsync(blob, key, unit, rules, [tooLarge], cancellationToken);
        }

        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        var read = ReportReader.Read(blob.Name, content, rules);
        if (read.Report is not { } report)
        {
            return await RejectAsync(blob, key, unit, rules, read.Problems, cancellationToken);
        }

        var card = Scorer.Score(report);
        var receivedAt = properties.LastModified;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var reportKey = ReportLog.KeyOf(report.Jurisdiction, unit, receivedAt, key);
        var place = report.Plan.Jurisdictions.First(jurisdiction => jurisdiction.Id == report.Jurisdiction).Name;
        var plan = AlertPlanner.Plan(card, await _alertState.GetAsync(report.Jurisdiction, report.Period, cancellationToken));
        var composer = new AlertComposer(rules, _options.CoordinatorUnit, _options.ScorecardUrl);
        var reference = new ReportReference(reportKey, Path.GetFileName(blob.Name), unit, report.Period, place);

        var added = new List<string>();
        added.AddRange(await _outbox.AddAsync(composer.Alerts(reference, plan), AlertKind.Alert, reportKey, cancellationToken));
        added.AddRange(await _outbox.AddAsync(composer.ResolvedNotices(reference, plan), AlertKind.Resolved, reportKey, cancellationToken));
        await _results.SaveAsync(card, reportKey, unit, receivedAt, cancellationToken);
        await _alertState.ApplyAsync(report.Jurisdiction, report.Period, plan.States, reportKey, cancellationToken);
        await _reports.RecordAsync(
            new ReportRecord(reportKey, report.Period.ToString(), report.Jurisdiction, unit, blob.Name, hash, receivedAt, card.RulesVersion,
                ReportingCalendar.IsOnTime(report.Period, receivedAt), card.Scores.Count, card.Scores.Count(score => score.Status.NeedsAttention())),
            cancellationToken);
        await _uploads.FinishAsync(StorageNames.ReportsContainer, key, UploadState.Done, reportKey, cancellationToken);
        LogScored(blob.Name, card.RulesVersion, card.Scores.Count, added.Count);
        await _dispatcher.SendNowAsync(added, cancellationToken);
        await _dashboard.TryPublishAsync(report.Jurisdiction, cancellationToken);
        return ReportOutcome.Scored;
    }

    private async Task<RuleBook> RequireRulesAsync(CancellationToken cancellationToken)
    {
        if (await _activeRules.GetAsync(cancellationToken) is { } rules)
        {
            return rules;
        }

        // First start: reports may arrive before the rules trigger ran; activate what the container holds.
        await _rulesIntake.ApplyContainerAsync(uploader: null, cancellationToken);
        return await _activeRules.GetAsync(cancellationToken)
            ?? throw new InvalidOperationException("no valid rules are active: upload units.json and a *.workflow.json to the rules container");
    }

    private async Task<ReportOutcome> RejectAsync(BlobClient blob, string key, string? unit, RuleBook rules, IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        var rejected = _storage.Container(StorageNames.RejectedContainer);
        var copy = rejected.GetBlobClient(blob.Name);
        var operation = await copy.StartCopyFromUriAsync(blob.Uri, cancellationToken: cancellationToken);
        await operation.WaitForCompletionAsync(cancellationToken);
        await rejected.GetBlobClient(blob.Name + ".errors.txt").UploadAsync(BinaryData.FromString(ErrorFile(blob.Name, unit, problems)), overwrite: true, cancellationToken);

        var notice = new AlertComposer(rules, _options.CoordinatorUnit, _options.ScorecardUrl).Rejected(key, blob.Name, unit, problems);
        var added = await _outbox.AddAsync([notice], AlertKind.RejectedReport, key, cancellationToken);
        await _uploads.FinishAsync(StorageNames.ReportsContainer, key, UploadState.Rejected, string.Join("\n", problems), cancellationToken);
        LogRejected(blob.Name, problems.Count);
        await _dispatcher.SendNowAsync(added, cancellationToken);
        return ReportOutcome.Rejected;
    }

    private async Task GiveUpAsync(string blobName, string key, string? unit, string error, CancellationToken cancellationToken)
    {
        if (await _activeRules.GetAsync(cancellationToken) is { } rules)
        {
            var notice = new AlertComposer(rules, _options.CoordinatorUnit, _options.ScorecardUrl).ProcessingFailed(key, blobName, unit, error);
            var added = await _outbox.AddAsync([notice], AlertKind.FailedReport, key, cancellationToken);
            await _dispatcher.SendNowAsync(added, cancellationToken);
        }

        await _uploads.FinishAsync(StorageNames.ReportsContainer, key, UploadState.Failed, error, cancellationToken);
    }

    /// <summary>The sending unit: the blob's <c>unit</c> metadata, else the first folder of its name.</summary>
    private static string? UnitOf(string blobName, BlobProperties properties)
    {
        if (properties.Metadata.TryGetValue("unit", out var unit) && !string.IsNullOrWhiteSpace(unit))
        {
            return unit.Trim();
        }

        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? blobName[..slash] : null;
    }

    private static string ErrorFile(string blobName, string? unit, IReadOnlyList<Problem> problems)
    {
        var text = new StringBuilder()
            .AppendLine("Báo cáo bị từ chối – không có kết quả nào được lưu từ tệp này.")
            .AppendLine("Report rejected – nothing from this file was stored.")
            .AppendLine()
            .AppendLine($"Tệp / File: {blobName}")
            .AppendLine($"Đơn vị / Unit: {unit ?? "?"}")
            .AppendLine($"Số lỗi / Problems: {problems.Count}")
            .AppendLine();
        foreach (var problem in problems)
        {
            text.AppendLine("- " + problem);
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Blob} with rules {Version}: {Count} indicator(s), {Alerts} new email(s)")]
    private partial void LogScored(string blob, string version, int count, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Blob}: {Count} problem(s)")]
    private partial void LogRejected(string blob, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Blob}: this version was processed before")]
    private partial void LogAlreadyProcessed(string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Blob}: it no longer exists")]
    private partial void LogMissing(string blob);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on {Blob} after {Attempts} attempts")]
    private partial void LogGaveUp(Exception exception, string blob, int attempts);
}
