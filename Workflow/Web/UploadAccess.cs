using GenderPlan.Workflow.Storage;
using GenderPlan.Core.Domain;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Web;

/// <summary>What a link may do.</summary>
public enum AccessOutcome
{
    /// <summary>The link speaks for the unit asked for, or for the coordinator.</summary>
    Allowed,

    /// <summary>No token was given (401).</summary>
    Missing,

    /// <summary>The token is unknown, revoked or expired (401).</summary>
    Invalid,

    /// <summary>A valid token of another unit (403).</summary>
    OtherUnit,

    /// <summary>The caller's address has failed too often (429).</summary>
    Throttled,
}

/// <summary>The answer to a link check.</summary>
/// <param name="Outcome">What the link may do.</param>
/// <param name="TokenUnit">The unit the token speaks for, when it is valid.</param>
/// <param name="ActsForAll">Whether that unit coordinates a plan, and so may act for any unit and edit the rules.</param>
public sealed record LinkAccess(AccessOutcome Outcome, string? TokenUnit, bool ActsForAll = false)
{
    /// <summary>Whether the request may go on.</summary>
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}

/// <summary>
/// Decides what an upload link may do: every unit's token acts for that unit only; a plan's coordinator's
/// (<c>Plan.coordinator</c> in the rules in force) acts for any unit, since the coordinating office compiles and
/// may send a report on a unit's behalf. Failures are counted per address by <see cref="FailedLinkChecks"/>.
/// </summary>
public sealed class UploadAccess
{
    private readonly UploadTokenStore _tokens;
    private readonly FailedLinkChecks _failures;
    private readonly ActiveRules _activeRules;

    /// <summary>Creates the check.</summary>
    public UploadAccess(UploadTokenStore tokens, FailedLinkChecks failures, ActiveRules activeRules)
    {
        _tokens = tokens;
        _failures = failures;
        _activeRules = activeRules;
    }

    /// <summary>Whether <paramref name="token"/>, sent from <paramref name="address"/>, may act for <paramref name="unit"/> (any unit when null).</summary>
    public async Task<LinkAccess> CheckAsync(string? unit, string? token, string address, CancellationToken cancellationToken)
    {
        if (_failures.IsBlocked(address))
        {
            return new LinkAccess(AccessOutcome.Throttled, null);
        }

        var tokenUnit = string.IsNullOrEmpty(token) ? null : await _tokens.UnitOfAsync(token, cancellationToken);
        var actsForAll = tokenUnit is not null && await _activeRules.GetAsync(cancellationToken) is { } rules && rules.IsCoordinator(tokenUnit);
        var outcome = string.IsNullOrEmpty(token) ? AccessOutcome.Missing
            : tokenUnit is null ? AccessOutcome.Invalid
            : unit is null || tokenUnit == unit || actsForAll ? AccessOutcome.Allowed
            : AccessOutcome.OtherUnit;
        if (outcome != AccessOutcome.Allowed)
        {
            _failures.CountFailure(address);
        }

        return new LinkAccess(outcome, tokenUnit, actsForAll);
    }

    /// <summary>The plain message for a refusal, in the caller's language.</summary>
    public static string Refusal(AccessOutcome outcome, Language language) => (outcome, language == Language.Vietnamese) switch
    {
        (AccessOutcome.Missing, true) => "Thiếu mã truy cập: hãy mở đúng đường liên kết gửi báo cáo mà Phòng Lao động – Thương binh và Xã hội đã gửi cho đơn vị.",
        (AccessOutcome.Missing, false) => "The link has no access code: open the upload link the Labour division sent to your unit.",
        (AccessOutcome.Invalid, true) => "Đường liên kết không còn hiệu lực hoặc không đúng. Đề nghị liên hệ Phòng Lao động – Thương binh và Xã hội để nhận đường liên kết mới.",
        (AccessOutcome.Invalid, false) => "This link is wrong or no longer valid. Ask the Labour division for a new one.",
        (AccessOutcome.OtherUnit, true) => "Đường liên kết này là của đơn vị khác: mỗi đơn vị chỉ gửi báo cáo của mình bằng đường liên kết của mình.",
        (AccessOutcome.OtherUnit, false) => "This link belongs to another unit: each unit sends its own reports with its own link.",
        (AccessOutcome.Throttled, true) => "Có quá nhiều lần thử với đường liên kết sai từ địa chỉ này. Đề nghị thử lại sau ít phút.",
        (AccessOutcome.Throttled, false) => "Too many attempts with a wrong link from this address. Try again in a few minutes.",
        _ => "",
    };
}
