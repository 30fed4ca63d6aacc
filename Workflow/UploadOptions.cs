
namespace GenderPlan.Workflow;

/// <summary>Settings of the upload links and page, bound from <c>GenderPlan:Uploads</c>.</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GenderPlan:Uploads";

    /// <summary>
    /// The address officials open, without a trailing slash: the Functions app in Azure, the local host on one
    /// machine. Links in emails and from <c>genderplan links</c> start with it; without it, emails carry no upload link.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Wrong or missing links accepted from one address within <see cref="FailedChecksWindow"/> before that address
    /// is refused (429) until the window ends: enough for a clerk who pasted a link badly, far too few to guess one.
    /// </summary>
    public int MaxFailedChecks { get; set; } = 20;

    /// <summary>The window of <see cref="MaxFailedChecks"/>.</summary>
    public TimeSpan FailedChecksWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The header in which the front ends of <see cref="KnownProxies"/> pass on the caller's address; empty for
    /// <c>X-Forwarded-For</c>. Read only on requests that come from a known proxy: anyone else could write any address.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>
    /// The front ends trusted to say who the caller is: addresses (<c>127.0.0.1</c>) or networks (<c>10.0.0.0/8</c>).
    /// A request from one of them is counted against the address its header names (the last entry not itself a
    /// known proxy); any other request against the connection's address. Empty, as on the local host: the
    /// connection's address always.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>How long the link in an email keeps working: beyond the next deadline, not forever.</summary>
    public TimeSpan EmailLinkLifetime { get; set; } = TimeSpan.FromDays(90);
}
