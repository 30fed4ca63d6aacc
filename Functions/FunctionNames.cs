
namespace GenderPlan.Functions;

/// <summary>The functions' names, as the host, the Bicep alert rules and the tests know them.</summary>
public static class FunctionNames
{
    /// <summary>Scores an uploaded report.</summary>
    public const string ScoreReport = "ScoreReport";

    /// <summary>Validates and activates uploaded rules.</summary>
    public const string AcceptRules = "AcceptRules";

    /// <summary>Retries undelivered alerts.</summary>
    public const string SendPendingAlerts = "SendPendingAlerts";

    /// <summary>Sends deadline reminders and overdue notices.</summary>
    public const string DeadlineReminders = "DeadlineReminders";

    /// <summary>Compiles the province report after each deadline and emails it to the coordinator.</summary>
    public const string ProvinceReports = "ProvinceReports";

    /// <summary>The scorecard as JSON.</summary>
    public const string Scorecard = "Scorecard";

    /// <summary>The scorecard page of a place, rendered from the stored results.</summary>
    public const string ScorecardPage = "ScorecardPage";

    /// <summary>A unit's upload page, opened from its link.</summary>
    public const string UploadPage = "UploadPage";

    /// <summary>Receives a report from the upload page.</summary>
    public const string SubmitReport = "SubmitReport";

    /// <summary>Where a report sent from the upload page stands.</summary>
    public const string UploadStatus = "UploadStatus";

    /// <summary>The blank report template.</summary>
    public const string ReportTemplate = "ReportTemplate";

    /// <summary>The rules page.</summary>
    public const string RulesPage = "RulesPage";

    /// <summary>What an edit of the rules would change.</summary>
    public const string RulesPreview = "RulesPreview";

    /// <summary>Applies an edit of the rules.</summary>
    public const string RulesApply = "RulesApply";

    /// <summary>A unit's follow-up page.</summary>
    public const string FollowUpPage = "FollowUpPage";

    /// <summary>A unit's follow-up cases.</summary>
    public const string FollowUps = "FollowUps";

    /// <summary>Answers or closes a follow-up case.</summary>
    public const string FollowUpAnswer = "FollowUpAnswer";

    /// <summary>Approves or returns a report.</summary>
    public const string DecideReport = "DecideReport";

    /// <summary>The page where reports are approved or returned.</summary>
    public const string ApprovalsPage = "ApprovalsPage";

    /// <summary>Checks storage and the active rules.</summary>
    public const string Health = "Health";

    /// <summary>The connection setting of the blob triggers.</summary>
    public const string StorageConnection = "Storage";

    /// <summary>Every five minutes.</summary>
    public const string SweepSchedule = "0 */5 * * * *";

    /// <summary>01:00 UTC, 08:00 in Vietnam, every day.</summary>
    public const string ReminderSchedule = "0 0 1 * * *";

    /// <summary>01:30 UTC, 08:30 in Vietnam, every day: after the reminders, at the start of the office day.</summary>
    public const string ProvinceReportSchedule = "0 30 1 * * *";
}
