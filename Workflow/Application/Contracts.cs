
namespace GenderPlan.Workflow.Application;

/// <summary>How processing one uploaded report ended.</summary>
public enum ReportOutcome
{
    /// <summary>Scored, results stored, alerts queued.</summary>
    Scored,

    /// <summary>Refused for its content; an error file and a notice were written.</summary>
    Rejected,

    /// <summary>The same blob version was processed before: nothing was done.</summary>
    AlreadyProcessed,

    /// <summary>Gave up after repeated faults; the coordinator was told.</summary>
    Failed,

    /// <summary>The blob no longer exists.</summary>
    Missing,
}

/// <summary>How processing one uploaded rules file ended.</summary>
public enum RulesOutcome
{
    /// <summary>The rules in the container became the active version.</summary>
    Activated,

    /// <summary>The rules in the container are the active version already.</summary>
    Unchanged,

    /// <summary>Invalid: refused, the active version stays, the coordinator was told.</summary>
    Refused,

    /// <summary>The blob is not a rules file, or was processed before.</summary>
    Ignored,
}

/// <summary>Scores reports uploaded to <c>reports/</c>.</summary>
public interface IReportIntake
{
    /// <summary>Processes <c>reports/{blobName}</c>; safe to call more than once for the same blob.</summary>
    Task<ReportOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken);
}

/// <summary>Validates rules uploaded to <c>rules/</c> and activates them.</summary>
public interface IRulesIntake
{
    /// <summary>Processes <c>rules/{blobName}</c>.</summary>
    Task<RulesOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken);
}

/// <summary>Sends deadline reminders and overdue notices.</summary>
public interface IReminderService
{
    /// <summary>Queues today's reminders and notices (once per unit and day, however often it runs).</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}

/// <summary>Compiles the province report after each deadline and sends it to the coordinator.</summary>
public interface IProvinceReportService
{
    /// <summary>
    /// From a few days after a deadline until the next one, republishes the report of the period just due with the site
    /// and queues its email to the coordinator (once per district and period, however often it runs); returns how many
    /// emails were new.
    /// </summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Work the 5-minute sweep finishes: whatever a step cut short by a crash, or two steps racing, left out of date.
/// Each looks for what is out of date rather than being told, so running it again changes nothing.
/// </summary>
public interface ISweepCatchUp
{
    /// <summary>Brings what it watches up to date; returns how many things it redid.</summary>
    Task<int> CatchUpAsync(CancellationToken cancellationToken);
}

/// <summary>Publishes the scorecard pages to the static website.</summary>
public interface IDashboardPublisher
{
    /// <summary>Republishes the page of one place; never throws for a storage fault (the page is derived data).</summary>
    /// <param name="jurisdiction">The place.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="rules">The rules a report was just scored with, so the page needs no read of its own; null reads the active ones.</param>
    /// <param name="changed">The period a report just changed, so only its page is rewritten beside the place's; null rewrites every period's.</param>
    Task TryPublishAsync(string jurisdiction, CancellationToken cancellationToken, Core.Domain.RuleBook? rules = null, Core.Domain.Period? changed = null);

    /// <summary>
    /// Republishes the pages that show sums: every plan's own place's (its district page) and every place between's (a
    /// district inside a province's plan), which a report below them changes without publishing; never throws for a
    /// storage fault.
    /// </summary>
    Task TryPublishDistrictsAsync(CancellationToken cancellationToken);
}
