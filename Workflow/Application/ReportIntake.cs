using System.Security.Cryptography;
using System.Text;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Alerts;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Scores a report uploaded to <c>reports/{unit}/{file}</c> with the active rules. The order of writes is
/// the outbox pattern: alerts are stored first, then results, alert state and the report log, and only
/// then is anything sent; a crash anywhere is repaired by the trigger's retry, and nothing is sent twice.
/// The same blob version processed again does nothing.
/// </summary>
public sealed partial class ReportIntake : IReportIntake
{
    private readonly ReportStore _files;
    private readonly RulesIntake _rules;
    private readonly UploadLog _uploads;
    private readonly ReportPipeline _pipeline;
    private readonly FormerPlacesBaselines _baselines;
    private readonly Notifier _notifier;
    private readonly IDashboardPublisher _dashboard;
    private readonly WorkflowOptions _options;
    private readonly ILogger<ReportIntake> _logger;

    /// <summary>Creates the handler.</summary>
    public ReportIntake(
        ReportStore files, RulesIntake rules, UploadLog uploads, ReportPipeline pipeline, FormerPlacesBaselines baselines, Notifier notifier, IDashboardPublisher dashboard,
        IOptions<WorkflowOptions> options, ILogger<ReportIntake> logger)
    {
        _files = files;
        _rules = rules;
        _uploads = uploads;
        _pipeline = pipeline;
        _baselines = baselines;
        _notifier = notifier;
        _dashboard = dashboard;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ReportOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        if (!IsPlainName(blobName))
        {
            return await RefuseNameAsync(blobName, cancellationToken);
        }

        // Downloaded before the attempt begins: one request says which version it is and brings its bytes (a file over the
        // limit is not read, only refused). A version processed before costs the same one request as the properties did.
        var downloaded = await _files.DownloadAsync(blobName, ReportLimits.MaxBytes, cancellationToken);
        var attempt = await _uploads.BeginAsync(StorageNames.ReportsContainer, downloaded?.Blob, cancellationToken);
        if (attempt.Blob is not { } blob)
        {
            LogMissing(blobName);
            return ReportOutcome.Missing;
        }

        if (attempt.Busy)
        {
            // Not "done": the trigger must come back, to find it finished, or its worker dead and the file set aside.
            throw new UploadBusyException(blobName);
        }

        if (!attempt.CanProceed)
        {
            LogAlreadyProcessed(blobName);
            return ReportOutcome.AlreadyProcessed;
        }

        if (attempt.PreviousDied || attempt.Attempt > _options.MaxReportAttempts)
        {
            // The last attempt died with its process, perhaps killed by this very file: set it aside unread, tell people, move on.
            var error = $"{Messages.SetAside.Vi} / {Messages.SetAside.En}";
            LogSetAside(blobName, attempt.Attempt - 1);
            await GiveUpAsync(blobName, attempt.Key, error, cancellationToken);
            return ReportOutcome.Failed;
        }

        try
        {
            return await ProcessVersionAsync(blob, attempt, downloaded?.Content, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && attempt.Attempt >= _options.MaxReportAttempts)
        {
            // The fault's own words (a storage error with its request id) go to the log, for the technical staff; people read what happened.
            LogGaveUp(exception, blobName, attempt.Attempt);
            var error = $"{Messages.GaveUp.Format(Language.Vietnamese, attempt.Attempt)} / {Messages.GaveUp.Format(Language.English, attempt.Attempt)}";
            await GiveUpAsync(blobName, attempt.Key, error, cancellationToken);
            return ReportOutcome.Failed;
        }
        catch (Exception exception)
        {
            // Ended, if with an error: the next attempt is a retry, not the survivor of a crash.
            await _uploads.TryEndFailedAttemptAsync(StorageNames.ReportsContainer, attempt.Key, exception.Message);
            throw;
        }
    }

    private async Task<ReportOutcome> ProcessVersionAsync(StoredBlob blob, UploadAttempt attempt, byte[]? downloaded, CancellationToken cancellationToken)
    {
        var (key, arrival) = (attempt.Key, attempt.Arrival);
        var rules = await _rules.RequireForReportAsync(cancellationToken);
        var unit = UnitOf(blob.Name);
        if (unit is null || rules.FindUnit(unit) is null)
        {
            var known = string.Join(", ", rules.Units.Select(known => known.Id));
            return await RejectAsync(blob, attempt, unit, rules, [Messages.SenderUnknown.At(blob.Name, null, Path.GetFileName(blob.Name), known)], cancellationToken);
        }

        if (ReportReader.CheckSize(blob.Name, blob.Length) is { } tooLarge)
        {
            return await RejectAsync(blob, attempt, unit, rules, [tooLarge], cancellationToken);
        }

        var content = downloaded ?? (await _files.ReadAsync(blob.Name, cancellationToken)).ToArray();
        var read = ReportAdmission.Read(rules, unit, blob.Name, content);
        if (read.Report is not { } report)
        {
            return await RejectAsync(blob, attempt, unit, rules, read.Problems, cancellationToken);
        }

        var card = Scorer.Score(report, await _baselines.ForAsync(rules, report.Plan, report.Jurisdiction, cancellationToken));
        var record = new ReportRecord(
            ReportLog.KeyOf(report.Jurisdiction, unit, arrival, key), report.Period.ToString(), report.Jurisdiction, unit, blob.Name,
            Convert.ToHexStringLower(SHA256.HashData(content)), blob.LastModified, arrival, card.RulesVersion,
            report.Plan.Calendar.IsOnTime(report.Period, blob.LastModified), card.Scores.Count, card.Scores.Count(score => score.Status.NeedsAttention()));
        var reference = new ReportReference(
            record.Key, Path.GetFileName(blob.Name), unit, report.Period, report.Plan.NameOf(report.Jurisdiction), rules.CommitteeOf(report.Jurisdiction)?.Id, report.Plan.Coordinator);
        var scored = new ScoredCard(card, reference, report.Jurisdiction, new ReportedFigures(record.Key, unit, record.ReceivedAt, record.Arrival, RescoredBy: null, record));

        // Everything stored before the upload is marked done, so a fault here is retried; sent only after.
        var (added, change) = await _pipeline.RecordNewAsync(rules, report.Plan, scored, blob.LastModified, cancellationToken);
        await _uploads.FinishAsync(StorageNames.ReportsContainer, attempt, UploadOutcome.Scored(record.Key), cancellationToken, change);
        LogScored(blob.Name, card.RulesVersion, card.Scores.Count, added.Count);
        await _notifier.SendAsync(added, cancellationToken);
        // With AddUpOnSweep every page is the sweep's: a commune's once per sweep from the results its roll-up reads, a
        // district's or province's from the sums it adds up. Otherwise the place's own page now, and the district's page (its
        // sums and the communes compared) with the sweep, as republishing it after each of nine commune reports would read
        // every commune's results nine times over.
        if (!_options.AddUpOnSweep)
        {
            await _dashboard.TryPublishAsync(report.Jurisdiction, cancellationToken, rules, card.Period);
        }
        return ReportOutcome.Scored;
    }

    private async Task<ReportOutcome> RejectAsync(StoredBlob blob, UploadAttempt attempt, string? unit, RuleBook rules, IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        var key = attempt.Key;
        await _files.SetAsideAsync(blob.Name, ErrorFile(blob.Name, unit, problems), cancellationToken);
        var added = await _notifier.QueueAsync(rules, key, [new ReportRejectedNotice(key, blob.Name, unit, problems)], cancellationToken);
        await _uploads.FinishAsync(StorageNames.ReportsContainer, attempt, UploadOutcome.Rejected(problems), cancellationToken);
        LogRejected(blob.Name, problems.Count);
        await _notifier.SendAsync(added, cancellationToken);
        return ReportOutcome.Rejected;
    }

    private async Task GiveUpAsync(string blobName, string key, string error, CancellationToken cancellationToken)
    {
        if (await _rules.ActiveAsync(cancellationToken) is { } rules)
        {
            await _notifier.NotifyAsync(rules, key, [new ReportFailedNotice(key, blobName, UnitOf(blobName), error)], cancellationToken);
        }

        await _uploads.FinishAsync(StorageNames.ReportsContainer, key, UploadOutcome.Failed(error), cancellationToken);
    }

    /// <summary>
    /// Whether a blob name can be read back by that name: <c>.</c> and <c>..</c> segments are folded away by
    /// every URL on the way (<c>ldtbxh/../../rules/x.csv</c> would be read as <c>rules/x.csv</c>), and control
    /// characters and backslashes have no place in a file name.
    /// </summary>
    public static bool IsPlainName(string blobName) =>
        blobName.Length is > 0 and <= 1024
        && !blobName.Any(character => char.IsControl(character) || character == '\\')
        && blobName.Split('/').All(segment => segment is not ("" or "." or ".."));

    private async Task<ReportOutcome> RefuseNameAsync(string blobName, CancellationToken cancellationToken)
    {
        var key = Keys.Hash(StorageNames.ReportsContainer, blobName, "unreadable-name");
        LogUnreadableName(blobName);
        var problem = Messages.UnreadableName.At(blobName, null);
        if (await _rules.ActiveAsync(cancellationToken) is { } rules)
        {
            await _notifier.NotifyAsync(rules, key, [new ReportRejectedNotice(key, blobName, null, [problem])], cancellationToken);
        }

        await _uploads.FinishAsync(StorageNames.ReportsContainer, key, UploadOutcome.Rejected([problem]), cancellationToken);
        return ReportOutcome.Rejected;
    }

    /// <summary>The sending unit: the first folder of the blob's name. Metadata never overrides it: anyone can set metadata.</summary>
    private static string? UnitOf(string blobName)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Blob}: its name cannot be read back")]
    private partial void LogUnreadableName(string blob);

    [LoggerMessage(Level = LogLevel.Error, Message = "Set {Blob} aside unread: attempt {Attempts} at it never ended")]
    private partial void LogSetAside(string blob, int attempts);
}
