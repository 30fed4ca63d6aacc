using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// The one way the workflow tells people something. Callers say what happened (<see cref="Notice"/>); the module
/// renders it (<see cref="EmailRendering"/>), stores every message in the outbox before anything is sent (so
/// nothing is lost), and sends; what cannot be sent now stays for the sweep.
/// </summary>
public sealed class Notifier
{
    private readonly AlertOutbox _outbox;
    private readonly AlertDispatcher _dispatcher;
    private readonly EmailRendering _email;

    /// <summary>Creates the notifier.</summary>
    public Notifier(AlertOutbox outbox, AlertDispatcher dispatcher, EmailRendering email)
    {
        _outbox = outbox;
        _dispatcher = dispatcher;
        _email = email;
    }

    /// <summary>
    /// Stores the messages that say <paramref name="notices"/> without sending them yet (the first half of the outbox
    /// pattern): a message stored before (the same id) is not stored again. Returns the ids newly stored, in order.
    /// </summary>
    /// <param name="rules">The rules in force: their units directory gives the recipients.</param>
    /// <param name="source">The report, upload or job the notices come from, kept with each message.</param>
    /// <param name="notices">What to tell.</param>
    /// <param name="cancellationToken">Cancels the storing.</param>
    public async Task<IReadOnlyList<string>> QueueAsync(RuleBook rules, string source, IEnumerable<Notice> notices, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        var rendered = notices.SelectMany(notice => _email.Render(rules, notice)).ToList();
        foreach (var kind in rendered.Select(item => item.Kind).Distinct())
        {
            // Held for this process, which sends them once it has stored what they are about (SendAsync).
            added.AddRange(await _outbox.AddAsync(rendered.Where(item => item.Kind == kind).Select(item => item.Message), kind, source, cancellationToken, heldForSending: true));
        }

        return added;
    }

    /// <summary>Sends messages stored before; a failure leaves them pending for the sweep. Returns how many went.</summary>
    public Task<int> SendAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => _dispatcher.SendNowAsync(ids, cancellationToken);

    /// <summary>Stores and sends; returns how many messages were new.</summary>
    public async Task<int> NotifyAsync(RuleBook rules, string source, IEnumerable<Notice> notices, CancellationToken cancellationToken)
    {
        var added = await QueueAsync(rules, source, notices, cancellationToken);
        await SendAsync(added, cancellationToken);
        return added.Count;
    }
}
