using GenderPlan.Workflow.Storage;
using System.Net;
using GenderPlan.Documents.Email;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// Puts the recipient unit's own upload link into a message as it is sent: a fresh token for that unit,
/// good for <see cref="UploadOptions.EmailLinkLifetime"/>, stored only as its hash like every other. Made at
/// send time so the outbox never holds a working link; a retried send makes a new one (the unsent one is
/// never seen by anybody and expires). <c>genderplan links --rotate</c> revokes these too.
/// </summary>
public sealed class EmailUploadLinks
{
    private readonly UploadTokenStore _tokens;
    private readonly UploadOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Creates the filler.</summary>
    public EmailUploadLinks(UploadTokenStore tokens, IOptions<UploadOptions> options, TimeProvider clock)
    {
        _tokens = tokens;
        _options = options.Value;
        _clock = clock;
    }

    /// <summary>Whether messages should carry upload links at all: only when the app's public address is known.</summary>
    public bool Enabled => _options.PublicUrl is { Length: > 0 };

    /// <summary>The message to send: <paramref name="message"/> with its link slot filled, or as it is when it has none.</summary>
    public async Task<EmailMessage> FillAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var upload = message.Html.Contains(EmailMessage.UploadLinkSlot, StringComparison.Ordinal);
        var followUp = message.Html.Contains(EmailMessage.FollowUpLinkSlot, StringComparison.Ordinal);
        if (message.LinkUnit is not { } unit || !Enabled || !(upload || followUp))
        {
            return message;
        }

        // A message copied to other units, with no upload slot, carries a token that answers follow-ups only: a copied unit
        // could otherwise send reports, or close cases, as the addressee.
        var issued = await _tokens.IssueAsync(unit, message.Id, _clock.GetUtcNow() + _options.EmailLinkLifetime, cancellationToken, followUpOnly: !upload && message.Cc.Count > 0);
        var link = UploadLinks.For(_options.PublicUrl!, unit, issued.Token);
        var followUps = UploadLinks.FollowUpsFor(_options.PublicUrl!, unit, issued.Token);
        return message.WithBodies(
            message.Html.Replace(EmailMessage.UploadLinkSlot, WebUtility.HtmlEncode(link), StringComparison.Ordinal)
                .Replace(EmailMessage.FollowUpLinkSlot, WebUtility.HtmlEncode(followUps), StringComparison.Ordinal),
            message.Text.Replace(EmailMessage.UploadLinkSlot, link, StringComparison.Ordinal)
                .Replace(EmailMessage.FollowUpLinkSlot, followUps, StringComparison.Ordinal));
    }
}
