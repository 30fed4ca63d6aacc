namespace GenderPlan.Core.Domain;

/// <summary>
/// An administrative document a plan cites (<c>Kế hoạch số 37/KH-UBND ngày 01/7/2016 của UBND huyện Đăk Tô</c>):
/// reports and pages name the plan the way officials do, by number, date and issuer, so these come from the plan file.
/// </summary>
/// <param name="Number">The document's number and symbol (<c>37/KH-UBND</c>).</param>
/// <param name="Date">The day it was signed.</param>
/// <param name="Issuer">The body that issued it (<c>UBND huyện Đăk Tô</c>).</param>
public sealed record PlanDocument(string Number, DateOnly Date, LocalizedText Issuer);

/// <summary>
/// The facts about one plan that are neither indicators nor places: its calendar, who coordinates it, the documents
/// behind it and who receives its report. They live in the plan file's <c>Plan</c> header, not in code.
/// </summary>
/// <param name="Calendar">When the semi-annual and annual reports are due.</param>
/// <param name="Coordinator">The unit that coordinates the plan (a unit id of <c>units.json</c>).</param>
/// <param name="BaselineYear">The year the plan's baselines describe (the year before its first, unless it says otherwise).</param>
/// <param name="AdoptedBy">The document that adopted the plan, where the file names it.</param>
/// <param name="Implements">The higher plan it carries out, where the file names it.</param>
/// <param name="ReportsTo">The body that receives the plan's report, where the file names it.</param>
/// <param name="Path">The path from baseline to target that reports are measured against (<c>Plan.path</c>): the straight line unless the plan says compound.</param>
/// <param name="ReportingSince">
/// The first period reported through the product (<c>reportingSince</c>), where the file names it: reports before it
/// went on paper, so the pages do not mark them missing.
/// </param>
/// <param name="Archived">
/// Whether the plan is archived (<c>archived</c>): over or replaced, so its reports are still scored, shown and reported, but
/// nobody is reminded of them. A plan past its end year is treated so anyway (<see cref="Plan.IsArchivedOn"/>).
/// </param>
/// <param name="FollowUp">How long a unit has to answer an alert before the coordinator hears of it (<c>followUp</c>); the default when null.</param>
/// <param name="Approval">Whether reports wait for approval (<c>approval</c>); null reads as off, every accepted report counting.</param>
public sealed record PlanFacts(
    Calendar.ReportingCalendar Calendar, string Coordinator, int BaselineYear, PlanDocument? AdoptedBy = null, PlanDocument? Implements = null, LocalizedText? ReportsTo = null,
    ProgressPath Path = ProgressPath.Linear, Period? ReportingSince = null, bool Archived = false, FollowUps.FollowUpSettings? FollowUp = null, ApprovalPolicy? Approval = null);
