using GenderPlan.Core.Text;
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

    /// <summary>A wrong or missing link from an address that has failed too often (429).</summary>
    Throttled,
}

/// <summary>The answer to a link check.</summary>
/// <param name="Outcome">What the link may do.</param>
/// <param name="TokenUnit">The unit the token speaks for, when it is valid.</param>
/// <param name="ActsForAll">Whether that unit coordinates a plan, and so may act for any unit and edit the rules.</param>
/// <param name="Coordinator">The plan's coordinator as units.json names it, whom a refusal tells the user to ask; null before any rules.</param>
public sealed record LinkAccess(AccessOutcome Outcome, string? TokenUnit, bool ActsForAll = false, LocalizedText? Coordinator = null)
{
    /// <summary>Whom a refusal tells the user to ask, in <paramref name="language"/>: the coordinator, or the coordinating office before any rules.</summary>
    public string CoordinatorIn(Language language) => (Coordinator ?? Messages.AnyCoordinator).In(language);

    /// <summary>Whether the request may go on.</summary>
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}

/// <summary>
/// Decides what an upload link may do: every unit's token acts for that unit only; a plan's coordinator's
/// (<c>Plan.coordinator</c> in the rules in force) acts for any unit, since the coordinating office compiles and
/// may send a report on a unit's behalf. The token is always checked first: a good link works whatever others
/// behind the same address (a commune office's one public address) got wrong. Only wrong and missing links are
/// counted per address by <see cref="FailedLinkChecks"/>, and only they are refused once the address has failed too often.
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

    /// <summary>
    /// Whether <paramref name="token"/>, sent from <paramref name="address"/>, may act for <paramref name="unit"/> (any unit when
    /// null); a token good for follow-ups only counts only where <paramref name="followUps"/> says the request is one.
    /// </summary>
    public async Task<LinkAccess> CheckAsync(string? unit, string? token, string address, CancellationToken cancellationToken, bool followUps = false)
    {
        var holder = string.IsNullOrEmpty(token) ? null : await _tokens.HolderOfAsync(token, cancellationToken);
        var tokenUnit = holder is { FollowUpOnly: false } || (holder is not null && followUps) ? holder.Unit : null;
        var rules = await _activeRules.GetAsync(cancellationToken);
        var actsForAll = tokenUnit is not null && holder is { FollowUpOnly: false } && rules is not null && rules.IsCoordinator(tokenUnit);
        var coordinator = rules?.FindUnit(rules.Coordinator)?.Name;
        var outcome = string.IsNullOrEmpty(token) ? AccessOutcome.Missing
            : tokenUnit is null ? AccessOutcome.Invalid
            : unit is null || tokenUnit == unit || actsForAll ? AccessOutcome.Allowed
            : AccessOutcome.OtherUnit;
        if (outcome is AccessOutcome.Missing or AccessOutcome.Invalid)
        {
            if (_failures.IsBlocked(address))
            {
                return new LinkAccess(AccessOutcome.Throttled, null, Coordinator: coordinator);
            }

            _failures.CountFailure(address);
        }

        return new LinkAccess(outcome, tokenUnit, actsForAll, coordinator);
    }

    /// <summary>The plain message for a refusal, in the caller's language, naming whom to ask (the plan's coordinator).</summary>
    public static string Refusal(LinkAccess access, Language language)
    {
        var coordinator = access.CoordinatorIn(language);
        return access.Outcome switch
        {
            AccessOutcome.Missing => Messages.LinkMissing.Format(language, coordinator),
            AccessOutcome.Invalid => Messages.LinkInvalid.Format(language, coordinator),
            AccessOutcome.OtherUnit => Messages.LinkOtherUnit.Format(language),
            AccessOutcome.Throttled => Messages.LinkThrottled.Format(language),
            _ => "",
        };
    }
}
