using GenderPlan.Core.Domain;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// The email channel's renderer: the one place a <see cref="Notice"/> becomes emails, with the rules' units
/// directory for addresses, the plan's coordinator copied, the scorecard link and, where the app's
/// address is known, a placeholder for each recipient's upload link (filled in when the email is sent).
/// Another channel (SMS) is another renderer beside this one and a sender beside the email senders.
/// </summary>
public sealed class EmailRendering
{
    private readonly WorkflowOptions _options;
    private readonly EmailUploadLinks _links;
    private readonly TimeProvider _clock;

    /// <summary>Creates the renderer.</summary>
    /// <param name="options">The scorecard link and the days a unit is given to reply.</param>
    /// <param name="links">Whether upload links can be made.</param>
    /// <param name="clock">The clock a letter's reply-by date counts from.</param>
    public EmailRendering(IOptions<WorkflowOptions> options, EmailUploadLinks links, TimeProvider clock)
    {
        _options = options.Value;
        _links = links;
        _clock = clock;
    }

    /// <summary>The emails that say <paramref name="notice"/>, each with the outbox kind it is filed under.</summary>
    public IEnumerable<(EmailMessage Message, AlertKind Kind)> Render(RuleBook rules, Notice notice)
    {
        var composer = new AlertComposer(rules, _options.ScorecardUrl, _links.Enabled, _clock, _options.ResponseDays);
        return notice switch
        {
            VerdictNotice verdicts => composer.Alerts(verdicts.Report, verdicts.Decided).Select(message => (message, AlertKind.Alert))
                .Concat(composer.ResolvedNotices(verdicts.Report, verdicts.Decided).Select(message => (message, AlertKind.Resolved))),
            ReportRejectedNotice rejected => [(composer.Rejected(rejected.Key, rejected.File, rejected.Unit, rejected.Problems), AlertKind.RejectedReport)],
            ReportFailedNotice failed => [(composer.ProcessingFailed(failed.Key, failed.File, failed.Unit, failed.Error), AlertKind.FailedReport)],
            FiguresDisagreeNotice disagree => [(composer.Discrepancy(disagree.Plan, disagree.Period, disagree.Indicator, disagree.Reported, disagree.Summed, disagree.Coverage), AlertKind.Discrepancy)],
            ReportDueNotice due => [(composer.Reminder(due.Unit, due.Period, due.Today), AlertKind.Reminder)],
            ReportOverdueNotice overdue => [(composer.Overdue(overdue.Unit, overdue.Period), AlertKind.Overdue)],
            RulesRefusedNotice refused => [(composer.RulesRefused(refused.Key, refused.File, refused.ActiveVersion, refused.Problems, refused.UploaderEmail), AlertKind.RefusedRules)],
            RulesChangedNotice changed => [(composer.RulesChanged(changed.Version, changed.ActivatedAt, changed.Author, changed.Diff, changed.Changes), AlertKind.RulesChanged)],
            ReportReturnedNotice returned => [(composer.Returned(
                returned.Report.Key, returned.Report.Unit, Period.Parse(returned.Report.Period), returned.Report.Jurisdiction, returned.Report.ReceivedAt,
                returned.Decision.By, returned.Decision.At, returned.Decision.Reason), AlertKind.ReturnedReport)],
            ProvinceReportNotice province => [(composer.ProvinceReport(province.Report, province.Workbook, province.Draft), AlertKind.ProvinceReport)],
            FollowUpReminderNotice reminder => [(composer.FollowUpReminder(reminder.Case, reminder.Escalation), AlertKind.FollowUpReminder)],
            FollowUpDigestNotice digest => [(composer.FollowUpDigest(digest.Coordinator, digest.Week, digest.Cases), AlertKind.FollowUpDigest)],
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.GetType().Name, "no email is written for this notice"),
        };
    }
}
