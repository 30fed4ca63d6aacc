
namespace GenderPlan.Workflow;

/// <summary>Settings of the workflow, bound from the <c>GenderPlan</c> configuration section.</summary>
public sealed class WorkflowOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GenderPlan";

    /// <summary>Days before a deadline on which reminders go out.</summary>
    public int[] ReminderDaysAhead { get; set; } = [7, 1];

    /// <summary>Processing attempts before a report is marked failed and the coordinator told.</summary>
    public int MaxReportAttempts { get; set; } = 5;

    /// <summary>
    /// Whether a commune's report leaves the sums above it to the sweep (<c>GenderPlan:AddUpOnSweep</c>, default true):
    /// then each district or province is added up once per sweep for all the reports of those minutes, rather than once
    /// per report, which at national scale is most of a report's storage requests. False adds up after every report.
    /// </summary>
    public bool AddUpOnSweep { get; set; } = true;

    /// <summary>
    /// How long the active rules' pointer row is trusted once read (<c>GenderPlan:RulesPointerRecheck</c>, default 5
    /// seconds): a burst of reports then reads it once every few seconds instead of twice per report. A version this
    /// process activates applies to its next report at once; one activated by another instance, within this time, and
    /// a report scored meanwhile with the version replaced is scored again by the rules' catch-up (it re-scores what
    /// was stored in the minutes after an activation). Zero reads the pointer on every use.
    /// </summary>
    public TimeSpan RulesPointerRecheck { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The scorecard page's address, linked from alerts, or null.</summary>
    public string? ScorecardUrl { get; set; }

    /// <summary>
    /// Days a unit is given to report back on a letter's request (an alert, a late report, figures that disagree),
    /// counted from the day the letter is written in Vietnam: the "trước ngày" of "Đề nghị ... báo cáo kết quả về
    /// Phòng ... trước ngày ...". Fifteen by default, the time a department needs to check and reply.
    /// </summary>
    public int ResponseDays { get; set; } = Documents.Alerts.AlertComposer.DefaultResponseDays;
}

/// <summary>Settings of the province report, bound from <c>GenderPlan:ProvinceReport</c>.</summary>
public sealed class ProvinceReportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GenderPlan:ProvinceReport";

    /// <summary>
    /// Days after a deadline (15 June, 25 November) on which the coordinator gets the compiled report: late reports of
    /// the first days are in it, and the coordinator still has time before reporting to the province.
    /// </summary>
    public int DaysAfterDeadline { get; set; } = 3;
}

/// <summary>Email settings, bound from <c>GenderPlan:Email</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GenderPlan:Email";

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "genderplan@example.org";

    /// <summary>
    /// The sender's display name for every email; empty (the default) for each letter's signing office, the plan's
    /// coordinator as <c>units.json</c> names it, so the inbox shows who wrote the letter rather than a product's name.
    /// </summary>
    public string? FromName { get; set; }

    /// <summary>The SendGrid API key; when empty, emails are written to <see cref="PickupDirectory"/>.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>The SendGrid API host; only tests change it.</summary>
    public string? SendGridHost { get; set; }

    /// <summary>Where <c>.eml</c> files are written when SendGrid is not configured.</summary>
    public string PickupDirectory { get; set; } = "outbox";

    /// <summary>Attempts per send when SendGrid answers 429 or 5xx or does not answer, before the alert is left pending.</summary>
    public int MaxAttemptsPerSend { get; set; } = 3;

    /// <summary>The longest wait between those attempts, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one request to SendGrid may take before it counts as failed (SendGrid answers in well under a second).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one email may take, all attempts and pauses included.</summary>
    public TimeSpan TotalSendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a sender holds an alert it is sending. It must outlast the longest send
    /// (<see cref="TotalSendTimeout"/>), or a second sender could take the alert while the first still waits.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after an email is delivered its outbox row may still say pending: the mark goes with the next email
    /// stored in the same partition, or with the others due by then, in one transaction, instead of one request per
    /// email. Zero writes each mark at once. It must be well within <see cref="ClaimDuration"/> less
    /// <see cref="TotalSendTimeout"/>, while the sender's claim keeps every other sender off the email.
    /// </summary>
    public TimeSpan SentMarkDelay { get; set; } = TimeSpan.FromSeconds(10);
}
