using GenderPlan.Core.Domain;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// The one way the workflow tells people something: compose with the active rules' units directory, store in
/// the outbox (so nothing is lost), and send at once; what cannot be sent now stays for the sweep.
/// </summary>
public sealed class Notifier
{
    private readonly AlertOutbox _outbox;
    private readonly AlertDispatcher _dispatcher;
    private readonly WorkflowOptions _options;
    private readonly EmailUploadLinks _links;

    /// <summary>Creates the notifier.</summary>
    public Notifier(AlertOutbox outbox, AlertDispatcher dispatcher, EmailUploadLinks links, IOptions<WorkflowOptions> options)
    {
        _links = links;
        _outbox = outbox;
        _dispatcher = dispatcher;
        _options = options.Value;
    }

    /// <summary>The emails' author for <paramref name="rules"/>, with the configured coordinator, scorecard link and, where the app's address is known, upload links.</summary>
    public AlertComposer Composer(RuleBook rules) => new(rules, _options.CoordinatorUnit, _options.ScorecardUrl, _links.Enabled);

    /// <summary>Stores messages without sending them yet (the first half of the outbox pattern); returns the ids newly stored.</summary>
    public Task<IReadOnlyList<string>> QueueAsync(IEnumerable<EmailMessage> messages, AlertKind kind, string source, CancellationToken cancellationToken) =>
        _outbox.AddAsync(messages, kind, source, cancellationToken);

    /// <summary>Sends messages stored before; a failure leaves them pending.</summary>
    public Task<int> SendAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => _dispatcher.SendNowAsync(ids, cancellationToken);

    /// <summary>Stores and sends; returns how many messages were new.</summary>
    public async Task<int> NotifyAsync(IEnumerable<EmailMessage> messages, AlertKind kind, string source, CancellationToken cancellationToken)
    {
        var added = await QueueAsync(messages, kind, source, cancellationToken);
        await SendAsync(added, cancellationToken);
        return added.Count;
    }
}
