using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Approval;

/// <summary>What a report's reader decides about it.</summary>
public enum DecisionKind
{
    /// <summary>The report is accepted as final ("Đã duyệt").</summary>
    Approve,

    /// <summary>The report is sent back to its unit with a reason ("Trả lại"): it stays stored but no longer counts.</summary>
    Return,
}

/// <summary>Where a report stands under a plan that requires approval.</summary>
public enum ApprovalState
{
    /// <summary>Accepted and counted provisionally; nobody has decided yet ("Chờ duyệt").</summary>
    Pending,

    /// <summary>Approved ("Đã duyệt").</summary>
    Approved,

    /// <summary>Returned ("Trả lại"): out of the verdicts and the sums.</summary>
    Returned,
}

/// <summary>Why a decision cannot be taken; the edge turns each into an HTTP status and words in the caller's language.</summary>
public enum DecisionRefusal
{
    /// <summary>The plan of the report does not use approval: every accepted report counts.</summary>
    NotUsed,

    /// <summary>The unit may not decide about this report (another commune's, or a department's).</summary>
    NotAllowed,

    /// <summary>The decision is neither <c>approve</c> nor <c>return</c>.</summary>
    UnknownDecision,

    /// <summary>A return without a reason: the unit must be told what to correct.</summary>
    ReasonMissing,

    /// <summary>A reason longer than <see cref="ReportDecisions.MaxReasonLength"/>.</summary>
    ReasonTooLong,

    /// <summary>The report was already decided the other way; the first decision stands.</summary>
    AlreadyDecided,
}

/// <summary>A decision taken: what, by which unit, when and why.</summary>
/// <param name="State">Approved or returned.</param>
/// <param name="By">The unit whose link decided.</param>
/// <param name="At">When.</param>
/// <param name="Reason">The reason of a return (empty for an approval unless one was given).</param>
public sealed record DecisionStamp(ApprovalState State, string By, DateTimeOffset At, string Reason);

/// <summary>
/// The rules of approving and returning reports, apart from storage and HTTP so they can be read and tested alone. Who
/// decides: the plan's coordinator for every report; a commune's People's Committee for its own commune's reports where
/// the plan lets the commune chair approve. What stands: the first decision. Approving twice keeps the first stamp; a
/// returned report stays returned, since its unit sends a corrected report through its link rather than the old one
/// coming back; and an approved report is not returned afterwards, since people were told it counts.
/// </summary>
public static class ReportDecisions
{
    /// <summary>The longest reason kept: a letter's paragraph, not a file.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>Reads the decision's word (<c>approve</c> or <c>return</c>, any case); null for anything else.</summary>
    public static DecisionKind? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "approve" => DecisionKind.Approve,
        "return" => DecisionKind.Return,
        _ => null,
    };

    /// <summary>The word of a state, as the API and the page's data carry it: <c>pending</c>, <c>approved</c>, <c>returned</c>.</summary>
    public static string Word(this ApprovalState state) => state switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.Returned => "returned",
        _ => "pending",
    };

    /// <summary>The state's words on a page: "Đã duyệt" / "Approved", "Trả lại" / "Returned", "Chờ duyệt" / "Awaiting approval".</summary>
    public static LocalizedText Words(this ApprovalState state) => state switch
    {
        ApprovalState.Approved => new("Đã duyệt", "Approved"),
        ApprovalState.Returned => new("Trả lại", "Returned"),
        _ => new("Chờ duyệt", "Awaiting approval"),
    };

    /// <summary>
    /// Whether <paramref name="unit"/> may decide about a report of <paramref name="jurisdiction"/> under <paramref name="plan"/>:
    /// the plan's coordinator always; the commune's own committee when the plan lets the commune chair approve; nobody else.
    /// </summary>
    public static bool MayDecide(RuleBook rules, Plan plan, string unit, string jurisdiction) =>
        unit == plan.Coordinator
        || (plan.Approval.CommuneChairMayApprove && !plan.IsDistrict(jurisdiction) && rules.CommitteeOf(jurisdiction)?.Id == unit);

    /// <summary>
    /// Checks a decision before anything is stored: approval in use, the unit allowed, a known decision, a return with a
    /// reason within bounds. Returns the refusal, or null with the decision and its trimmed reason.
    /// </summary>
    public static (DecisionRefusal? Refusal, DecisionKind Kind, string Reason) Check(RuleBook rules, Plan plan, string unit, string jurisdiction, string? word, string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (!plan.Approval.Required)
        {
            return (DecisionRefusal.NotUsed, default, trimmed);
        }

        if (!MayDecide(rules, plan, unit, jurisdiction))
        {
            return (DecisionRefusal.NotAllowed, default, trimmed);
        }

        if (Parse(word) is not { } kind)
        {
            return (DecisionRefusal.UnknownDecision, default, trimmed);
        }

        if (trimmed.Length > MaxReasonLength)
        {
            return (DecisionRefusal.ReasonTooLong, kind, trimmed);
        }

        return kind == DecisionKind.Return && trimmed.Length == 0 ? (DecisionRefusal.ReasonMissing, kind, trimmed) : (null, kind, trimmed);
    }

    /// <summary>
    /// What a decision does to a report already decided (<paramref name="current"/>, null when none): the same decision
    /// again keeps the first stamp (true, nothing to store); the other one is refused, since the first stands.
    /// </summary>
    public static (bool KeepFirst, DecisionRefusal? Refusal) Against(DecisionStamp? current, DecisionKind kind) =>
        current is null ? (false, null)
        : current.State == StateOf(kind) ? (true, null)
        : (false, DecisionRefusal.AlreadyDecided);

    /// <summary>The state a decision leads to.</summary>
    public static ApprovalState StateOf(DecisionKind kind) => kind == DecisionKind.Approve ? ApprovalState.Approved : ApprovalState.Returned;
}
