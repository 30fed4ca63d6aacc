namespace GenderPlan.Core.Domain;

/// <summary>
/// Whether a plan's reports wait for someone's approval (<c>Plan.approval</c> in the plan file). Off by default, as the
/// plans adopted before the product counted every accepted report: turning it on is the plan's decision, not code's.
/// A report still counts from the moment it is accepted (provisionally, "Chờ duyệt"); a return takes it out again.
/// </summary>
/// <param name="Required">Whether the coordinator approves or returns each report.</param>
/// <param name="CommuneChairMayApprove">
/// Whether a commune's People's Committee (its chair signs for it) may approve or return its own commune's reports too,
/// where the plan hands that to the commune; it never decides for another commune or for the district.
/// </param>
public sealed record ApprovalPolicy(bool Required, bool CommuneChairMayApprove = false)
{
    /// <summary>No approval: every accepted report counts, as before the setting existed.</summary>
    public static ApprovalPolicy Off { get; } = new(false);
}
