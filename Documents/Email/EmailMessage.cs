
namespace GenderPlan.Documents.Email;

/// <summary>One email address with an optional display name.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">The display name (a unit's Vietnamese name), or null.</param>
public sealed record EmailAddress(string Address, string? Name = null);

/// <summary>
/// A file sent with an email: the province report's workbook and Word draft go to the coordinator this way, so the
/// files reach an office that does not open links to the site. Kept small (a few tens of kilobytes); the outbox stores
/// the bytes beside the message, not in its table row.
/// </summary>
/// <param name="FileName">The name the recipient sees; no path, no line break, no quote.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// An email as the product sends it: HTML with a plain-text alternative, every address once. It refuses
/// line breaks in the subject and in names, so text that came from a report can never add a header.
/// </summary>
public sealed record EmailMessage
{
    /// <summary>Builds a message after checking the header fields.</summary>
    public EmailMessage(string id, IReadOnlyList<EmailAddress> to, IReadOnlyList<EmailAddress> cc, string subject, string html, string text)
    {
        if (to.Count == 0)
        {
            throw new ArgumentException("an email needs at least one recipient", nameof(to));
        }

        RejectLineBreaks(subject, nameof(subject));
        foreach (var address in to.Concat(cc))
        {
            RejectLineBreaks(address.Address, "address");
            RejectLineBreaks(address.Name ?? "", "name");
        }

        var all = to.Concat(cc).Select(address => address.Address.ToLowerInvariant()).ToList();
        if (all.Count != all.Distinct().Count())
        {
            throw new ArgumentException("an address appears twice among To and Cc", nameof(cc));
        }

        Id = id;
        To = to;
        Cc = cc;
        Subject = subject;
        Html = html;
        Text = text;
    }

    /// <summary>A stable id: the same alert always has the same id, so it is stored and sent once.</summary>
    public string Id { get; }

    /// <summary>The main recipients.</summary>
    public IReadOnlyList<EmailAddress> To { get; }

    /// <summary>The copied recipients, none of them also in <see cref="To"/>.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; }

    /// <summary>One line, Vietnamese first.</summary>
    public string Subject { get; }

    /// <summary>The HTML body; every piece of report text in it is escaped.</summary>
    public string Html { get; }

    /// <summary>The plain-text body.</summary>
    public string Text { get; }

    /// <summary>
    /// The unit whose own upload link the message carries where its bodies hold <see cref="UploadLinkSlot"/>, or
    /// null. The link is made when the message is sent, not when it is written: a link is a secret, and the
    /// stored copy of a message should not hold one.
    /// </summary>
    public string? LinkUnit { get; init; }

    /// <summary>
    /// Who the letter is from, as its From line names it: the office that signs it (the plan's coordinator), so an
    /// official sees the same sender in the inbox as under the letter; null for the configured sender's name.
    /// </summary>
    public string? SenderName
    {
        get => _senderName;
        init
        {
            RejectLineBreaks(value ?? "", "sender's name");
            _senderName = value;
        }
    }

    private readonly string? _senderName;

    /// <summary>The files sent with the message, each named once; none for most emails.</summary>
    public IReadOnlyList<EmailAttachment> Attachments
    {
        get => _attachments;
        init
        {
            foreach (var attachment in value)
            {
                if (attachment.FileName.Length == 0 || attachment.FileName.AsSpan().IndexOfAny("\r\n\"/\\") >= 0)
                {
                    throw new ArgumentException($"an attachment's name must be a plain file name: '{attachment.FileName}'", nameof(Attachments));
                }
            }

            if (value.Select(attachment => attachment.FileName).Distinct(StringComparer.OrdinalIgnoreCase).Count() != value.Count)
            {
                throw new ArgumentException("two attachments have the same name", nameof(Attachments));
            }

            _attachments = value;
        }
    }

    private readonly IReadOnlyList<EmailAttachment> _attachments = [];

    /// <summary>Stands in the bodies for the recipient unit's upload link until the message is sent; safe in HTML and text as it is.</summary>
    public const string UploadLinkSlot = "genderplan-upload-link-slot";

    /// <summary>
    /// Stands in an alert's bodies for the link to the unit's follow-up page until the message is sent: made with the
    /// upload link's token when the message carries one, else with a token good for follow-ups only.
    /// </summary>
    public const string FollowUpLinkSlot = "genderplan-follow-up-link-slot";

    /// <summary>The same message with other bodies: the sender's copy, with the link in place.</summary>
    public EmailMessage WithBodies(string html, string text) => new(Id, To, Cc, Subject, html, text) { LinkUnit = LinkUnit, SenderName = SenderName, Attachments = Attachments };

    private static void RejectLineBreaks(string value, string what)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"the {what} of an email may not contain a line break", what);
        }
    }
}

/// <summary>What happened when a message was handed to the email service.</summary>
/// <param name="Delivered">True when the service accepted it (SendGrid 202, or the file was written).</param>
/// <param name="Error">Why not, for the alert's record.</param>
/// <param name="ServiceDown">
/// The service did not answer or answered that it cannot take mail now (timeout, 429, 5xx): the next message
/// would fare no better, so the sender stops the batch and leaves the rest pending untouched.
/// </param>
public sealed record EmailSendResult(bool Delivered, string? Error, bool ServiceDown = false)
{
    /// <summary>Accepted.</summary>
    public static EmailSendResult Sent { get; } = new(true, null);

    /// <summary>Not accepted for this message; it stays pending and is tried again later.</summary>
    public static EmailSendResult Failed(string error) => new(false, error);

    /// <summary>The service is unreachable or overloaded; this message and the rest stay pending.</summary>
    public static EmailSendResult Unavailable(string error) => new(false, error, ServiceDown: true);
}

/// <summary>
/// Sends an email. Two implementations: SendGrid in production, a pickup folder of <c>.eml</c> files on one
/// machine. A failure is returned, never thrown, so the caller can keep the message pending.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
