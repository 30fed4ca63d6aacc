namespace GenderPlan.Core.FollowUps;

/// <summary>
/// A plan's follow-up timing (<c>Plan.followUp</c>): how long a unit has to say what it will do about an alert before
/// the coordinator hears of it. Ten days by default: the time a department head needs to read the letter, ask the
/// commune and decide, and short enough for the coordinator to act before the next reporting deadline.
/// </summary>
/// <param name="AcknowledgeWithinDays">Days from the alert to its escalation.</param>
/// <param name="ReminderDaysBefore">Days before the escalation that the unit is reminded once.</param>
public sealed record FollowUpSettings(int AcknowledgeWithinDays = FollowUpSettings.DefaultDays, int ReminderDaysBefore = FollowUpSettings.DefaultReminderDays)
{
    /// <summary>The plan's days when it names none.</summary>
    public const int DefaultDays = 10;

    /// <summary>The reminder comes three days before escalation: time to answer before the coordinator is told.</summary>
    public const int DefaultReminderDays = 3;

    /// <summary>The settings of a plan that names none.</summary>
    public static FollowUpSettings Default { get; } = new();

    /// <summary>The day the unit is reminded: never before the day after the alert.</summary>
    public DateOnly ReminderOn(DateOnly opened) => opened.AddDays(Math.Max(1, AcknowledgeWithinDays - ReminderDaysBefore));

    /// <summary>The day an unanswered case is escalated.</summary>
    public DateOnly EscalationOn(DateOnly opened) => opened.AddDays(AcknowledgeWithinDays);
}
