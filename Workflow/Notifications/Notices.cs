using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;
using GenderPlan.Documents.ProvinceReports;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// Something the workflow tells people, said as what happened rather than as a message: the notifications module
/// decides who reads it, renders it for each channel and keeps it in the outbox until it is delivered. A caller
/// never builds an email.
/// </summary>
public abstract record Notice;

/// <summary>The verdicts of a report (or of the communes' sums) that changed: who must act, and who recovered.</summary>
/// <param name="Report">The report as the messages name it.</param>
/// <param name="Decided">The alerts and recoveries the once-per-status rule lets through.</param>
public sealed record VerdictNotice(ReportReference Report, AlertPlan Decided) : Notice;

/// <summary>A report file was refused: nothing from it was stored.</summary>
/// <param name="Key">The upload's key, which makes the notice's id.</param>
/// <param name="File">The blob's name.</param>
/// <param name="Unit">The sending unit, when the name gave a known one.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record ReportRejectedNotice(string Key, string File, string? Unit, IReadOnlyList<Problem> Problems) : Notice;

/// <summary>A report could not be processed after every attempt and was set aside.</summary>
/// <param name="Key">The upload's key.</param>
/// <param name="File">The blob's name.</param>
/// <param name="Unit">The sending unit, where known.</param>
/// <param name="Error">What went wrong.</param>
public sealed record ReportFailedNotice(string Key, string File, string? Unit, string Error) : Notice;

/// <summary>The district's reported figure and its communes' sum differ by more than the rule's tolerance.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Period">The period.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Reported">The lead department's figure.</param>
/// <param name="Summed">The communes' sum.</param>
/// <param name="Coverage">What the sum covers.</param>
public sealed record FiguresDisagreeNotice(Plan Plan, Period Period, Indicator Indicator, decimal Reported, decimal Summed, Coverage Coverage) : Notice;

/// <summary>A unit's report is due soon.</summary>
/// <param name="Unit">The unit that owes it.</param>
/// <param name="Period">The period due.</param>
/// <param name="Today">Today, in Vietnam.</param>
public sealed record ReportDueNotice(string Unit, Period Period, DateOnly Today) : Notice;

/// <summary>A unit's report is late.</summary>
/// <param name="Unit">The unit that owes it.</param>
/// <param name="Period">The period whose deadline passed.</param>
public sealed record ReportOverdueNotice(string Unit, Period Period) : Notice;

/// <summary>A rules upload was refused; the version in force stays.</summary>
/// <param name="Key">The upload's key.</param>
/// <param name="File">The blob's name.</param>
/// <param name="ActiveVersion">The version still in force.</param>
/// <param name="Problems">Every problem found.</param>
/// <param name="UploaderEmail">Who uploaded it, when known.</param>
public sealed record RulesRefusedNotice(string Key, string File, string ActiveVersion, IReadOnlyList<Problem> Problems, string? UploaderEmail) : Notice;

/// <summary>A new rules version is in force: what changed in the rules and in the verdicts.</summary>
/// <param name="Version">The new version.</param>
/// <param name="ActivatedAt">When it became active.</param>
/// <param name="Author">Who made the change, when known.</param>
/// <param name="Diff">The readable differences.</param>
/// <param name="Changes">The verdicts it changes.</param>
public sealed record RulesChangedNotice(string Version, DateTimeOffset ActivatedAt, string? Author, IReadOnlyList<string> Diff, IReadOnlyList<StatusChange> Changes) : Notice;

/// <summary>The period's report to the province is ready, with its workbook and Word draft.</summary>
/// <param name="Report">The report.</param>
/// <param name="Workbook">The workbook.</param>
/// <param name="Draft">The Word draft.</param>
public sealed record ProvinceReportNotice(ProvinceReport Report, EmailAttachment Workbook, EmailAttachment Draft) : Notice;

/// <summary>A unit has not said what it will do about an alert, and the case goes to the coordinator on <paramref name="Escalation"/>.</summary>
/// <param name="Case">The case.</param>
/// <param name="Escalation">The day it is escalated.</param>
public sealed record FollowUpReminderNotice(FollowUpCase Case, DateOnly Escalation) : Notice;

/// <summary>The coordinator's digest of the week: cases never answered, and actions whose date passed.</summary>
/// <param name="Coordinator">The coordinator unit.</param>
/// <param name="Week">The ISO week (<c>2026-W49</c>), which makes it once a week.</param>
/// <param name="Cases">The escalated and overdue cases.</param>
public sealed record FollowUpDigestNotice(string Coordinator, string Week, IReadOnlyList<FollowUpCase> Cases) : Notice;

/// <summary>A report was returned to its unit: it no longer counts, and the unit is asked for a corrected one.</summary>
/// <param name="Report">The report as the log holds it.</param>
/// <param name="Decision">Who returned it, when and why.</param>
public sealed record ReportReturnedNotice(Storage.ReportRecord Report, Core.Approval.DecisionStamp Decision) : Notice;
