using System.Security.Cryptography;
using System.Text;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.FollowUps;

/// <summary>One step in a case's life, kept for ever: who did what, when, and in their words.</summary>
/// <param name="At">When it happened.</param>
/// <param name="By">The unit that acted, or <c>system</c> for what the workflow did (an alert, a later report, the clock).</param>
/// <param name="What">The step: <c>opened</c>, <c>acknowledged</c>, <c>reminded</c>, <c>escalated</c>, <c>overdue</c>, <c>resolved</c>, <c>reopened</c>, <c>realerted</c>.</param>
/// <param name="Note">The action written, the reason given, or the status alerted.</param>
public sealed record FollowUpEvent(DateTimeOffset At, string By, string What, string? Note);

/// <summary>
/// The follow-up of one alert: a unit, an indicator, a place and a period. The alert email says an indicator falls
/// behind; the case records what the unit will do about it and whether that worked, so the coordinator's "hướng dẫn,
/// kiểm tra, giám sát" and the report to the province can say what was done. Immutable: every change is a new case
/// and an event, stored together.
/// </summary>
/// <param name="Id">Stable for the unit, indicator, place and period (<see cref="IdFor"/>): one case per alert however often it is delivered.</param>
/// <param name="Unit">The unit that must act (the indicator's lead, or the commune's committee).</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Place">The place whose figure fell behind.</param>
/// <param name="Period">The period reported.</param>
/// <param name="Status">The status alerted last.</param>
/// <param name="State">Where the case stands.</param>
/// <param name="OpenedOn">The day (in Vietnam) it was opened or last reopened; reminders and escalation count from it.</param>
/// <param name="Action">What the unit will do, in its words.</param>
/// <param name="ExpectedBy">When the unit expects a result.</param>
/// <param name="By">Who acted last (a unit id, or <c>system</c>).</param>
/// <param name="At">When.</param>
/// <param name="Resolution">Why it was closed.</param>
/// <param name="Reason">The coordinator's reason for closing it, or the rules version / report that resolved it.</param>
/// <param name="Reminded">Whether the unit was reminded since it was opened (once).</param>
public sealed record FollowUpCase(
    string Id, string Unit, string Indicator, string Place, string Period, Status Status, FollowUpState State, DateOnly OpenedOn,
    string? Action, DateOnly? ExpectedBy, string By, DateTimeOffset At, FollowUpResolution? Resolution = null, string? Reason = null, bool Reminded = false)
{
    /// <summary>Who acts for the workflow itself in <see cref="By"/>.</summary>
    public const string System = "system";

    /// <summary>The longest action or reason kept: a few lines, as the page asks; longer belongs in a letter.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>
    /// <c>{unit}~{12 hex}</c>: the unit is in the id, so the case is found in its unit's partition by one read, and a
    /// unit's token can be checked against it before anything is read.
    /// </summary>
    public static string IdFor(string unit, string indicator, string place, string period) =>
        $"{unit}~{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{indicator}|{place}|{period}")))[..12]}";

    /// <summary>The unit named in a case id, or null for an id that is not one.</summary>
    public static string? UnitOf(string id)
    {
        var tilde = id.IndexOf('~', StringComparison.Ordinal);
        return tilde > 0 && id.Length - tilde == 13 && id[(tilde + 1)..].All(char.IsAsciiHexDigitLower) && id[..tilde].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? id[..tilde]
            : null;
    }

    /// <summary>A new case for an alert just decided.</summary>
    public static (FollowUpCase Case, FollowUpEvent Event) Open(string unit, string indicator, string place, string period, Status status, DateTimeOffset now, DateOnly today) =>
        (new FollowUpCase(IdFor(unit, indicator, place, period), unit, indicator, place, period, status, FollowUpState.Open, today, null, null, System, now),
         new FollowUpEvent(now, System, "opened", status.Word()));

    /// <summary>
    /// The same indicator alerted again: a closed case opens again (the figure fell behind after recovering) and counts
    /// its days afresh; an open one only takes the new status, keeping the action the unit wrote.
    /// </summary>
    public (FollowUpCase Case, FollowUpEvent Event) Realert(Status status, DateTimeOffset now, DateOnly today) =>
        State == FollowUpState.Resolved
            ? (this with { Status = status, State = FollowUpState.Open, OpenedOn = today, Action = null, ExpectedBy = null, By = System, At = now, Resolution = null, Reason = null, Reminded = false },
               new FollowUpEvent(now, System, "reopened", status.Word()))
            : (this with { Status = status, At = now }, new FollowUpEvent(now, System, "realerted", status.Word()));

    /// <summary>
    /// The unit says what it will do: allowed while the case is not closed (also late: an escalated or overdue case is
    /// acknowledged again with a new date). The action must say something, and the date may not be past.
    /// </summary>
    public FollowUpAnswer Acknowledge(string unit, string? action, DateOnly? expectedBy, DateTimeOffset now, DateOnly today)
    {
        var written = action?.Trim() ?? "";
        if (written.Length == 0)
        {
            return FollowUpAnswer.Refused("action", "Đề nghị ghi biện pháp khắc phục đơn vị sẽ thực hiện. / Write the action the unit will take.");
        }

        if (written.Length > MaxTextLength)
        {
            return FollowUpAnswer.Refused("action", $"Biện pháp khắc phục dài quá {MaxTextLength} ký tự. / The action is longer than {MaxTextLength} characters.");
        }

        if (expectedBy is not { } date)
        {
            return FollowUpAnswer.Refused("expectedBy", "Đề nghị ghi ngày dự kiến có kết quả (yyyy-mm-dd). / Give the date a result is expected (yyyy-mm-dd).");
        }

        if (date < today)
        {
            return FollowUpAnswer.Refused("expectedBy", $"Ngày dự kiến {date:dd/MM/yyyy} đã qua. / The expected date {date:yyyy-MM-dd} is in the past.");
        }

        if (State == FollowUpState.Resolved)
        {
            return FollowUpAnswer.Closed();
        }

        var next = this with { State = FollowUpState.Acknowledged, Action = written, ExpectedBy = date, By = unit, At = now };
        return FollowUpAnswer.Changed(next, new FollowUpEvent(now, unit, "acknowledged", $"{written} (dự kiến {date:dd/MM/yyyy})"));
    }

    /// <summary>Closes the case; a closed case stays as it was.</summary>
    public (FollowUpCase Case, FollowUpEvent Event)? Resolve(FollowUpResolution resolution, string by, string? reason, DateTimeOffset now) =>
        State == FollowUpState.Resolved
            ? null
            : (this with { State = FollowUpState.Resolved, Resolution = resolution, Reason = reason, By = by, At = now },
               new FollowUpEvent(now, by, "resolved", reason is null ? resolution.Word() : $"{resolution.Word()}: {reason}"));

    /// <summary>What the clock asks of this case today, if anything (<see cref="FollowUpStep"/>).</summary>
    public FollowUpStep Due(DateOnly today, FollowUpSettings settings) => State switch
    {
        FollowUpState.Open when today >= settings.EscalationOn(OpenedOn) => FollowUpStep.Escalate,
        FollowUpState.Open when !Reminded && today >= settings.ReminderOn(OpenedOn) => FollowUpStep.Remind,
        FollowUpState.Acknowledged when ExpectedBy is { } date && today > date => FollowUpStep.MarkOverdue,
        _ => FollowUpStep.None,
    };

    /// <summary>The case after <paramref name="step"/>, with the event that records it.</summary>
    public (FollowUpCase Case, FollowUpEvent Event) Apply(FollowUpStep step, DateTimeOffset now) => step switch
    {
        FollowUpStep.Remind => (this with { Reminded = true }, new FollowUpEvent(now, System, "reminded", null)),
        FollowUpStep.Escalate => (this with { State = FollowUpState.Escalated, By = System, At = now }, new FollowUpEvent(now, System, "escalated", null)),
        FollowUpStep.MarkOverdue => (this with { State = FollowUpState.Overdue, By = System, At = now }, new FollowUpEvent(now, System, "overdue", ExpectedBy?.ToString("dd/MM/yyyy"))),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "nothing to apply"),
    };
}

/// <summary>What the clock asks of a case.</summary>
public enum FollowUpStep
{
    /// <summary>Nothing today.</summary>
    None,

    /// <summary>Remind the unit once, before escalation.</summary>
    Remind,

    /// <summary>Unanswered too long: tell the coordinator.</summary>
    Escalate,

    /// <summary>The expected date passed without the indicator recovering.</summary>
    MarkOverdue,
}

/// <summary>The answer to a unit's acknowledgement: the changed case, or why not.</summary>
/// <param name="Case">The case after it, when accepted.</param>
/// <param name="Event">The event to keep.</param>
/// <param name="Field">The field refused, when refused.</param>
/// <param name="Problem">Why, in Vietnamese then English.</param>
/// <param name="IsClosed">The case was closed already: nothing to acknowledge.</param>
public sealed record FollowUpAnswer(FollowUpCase? Case, FollowUpEvent? Event, string? Field, string? Problem, bool IsClosed = false)
{
    internal static FollowUpAnswer Changed(FollowUpCase next, FollowUpEvent what) => new(next, what, null, null);

    internal static FollowUpAnswer Refused(string field, string problem) => new(null, null, field, problem);

    internal static FollowUpAnswer Closed() => new(null, null, null, "Trường hợp này đã được giải quyết. / This case is closed.", IsClosed: true);
}
