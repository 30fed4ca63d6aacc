namespace GenderPlan.Core.FollowUps;

/// <summary>Where the follow-up of one alert stands.</summary>
public enum FollowUpState
{
    /// <summary>Alerted; the unit has not yet said what it will do.</summary>
    Open,

    /// <summary>The unit wrote the action it will take and when it expects a result.</summary>
    Acknowledged,

    /// <summary>Acknowledged, but the expected date passed and the indicator still needs attention.</summary>
    Overdue,

    /// <summary>Not acknowledged within the plan's days: the coordinator is told in the weekly digest.</summary>
    Escalated,

    /// <summary>Closed: a later report met the path, a rules change lifted the alert, or the coordinator closed it with a reason.</summary>
    Resolved,
}

/// <summary>Why a case was closed.</summary>
public enum FollowUpResolution
{
    /// <summary>A later report put the indicator back on track or met its target.</summary>
    Report,

    /// <summary>A new rules version (a changed target or path) put it back on track.</summary>
    RulesChanged,

    /// <summary>The coordinator closed it, with a reason.</summary>
    Coordinator,
}

/// <summary>The wire words and Vietnamese labels of the states.</summary>
public static class FollowUpStateText
{
    /// <summary>The wire word: <c>open</c>, <c>acknowledged</c>, <c>overdue</c>, <c>escalated</c>, <c>resolved</c>.</summary>
    public static string Word(this FollowUpState state) => state switch
    {
        FollowUpState.Open => "open",
        FollowUpState.Acknowledged => "acknowledged",
        FollowUpState.Overdue => "overdue",
        FollowUpState.Escalated => "escalated",
        _ => "resolved",
    };

    /// <summary>What officials read on pages, emails and the workbook.</summary>
    public static string Vietnamese(this FollowUpState state) => state switch
    {
        FollowUpState.Open => "Chưa phản hồi",
        FollowUpState.Acknowledged => "Đã nhận, đang khắc phục",
        FollowUpState.Overdue => "Quá hạn khắc phục",
        FollowUpState.Escalated => "Quá hạn phản hồi",
        _ => "Đã giải quyết",
    };

    /// <summary>Whether the case still asks something of someone.</summary>
    public static bool IsOpen(this FollowUpState state) => state != FollowUpState.Resolved;

    /// <summary>The wire word of a resolution: <c>report</c>, <c>rules</c>, <c>coordinator</c>.</summary>
    public static string Word(this FollowUpResolution resolution) => resolution switch
    {
        FollowUpResolution.Report => "report",
        FollowUpResolution.RulesChanged => "rules",
        _ => "coordinator",
    };
}
