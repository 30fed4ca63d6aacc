
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
    /// The header that carries the caller's address when a front end stands before the app (App Service's
    /// <c>X-Forwarded-For</c>); empty to use the connection's address, as the local host does.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>How long the link in an email keeps working: beyond the next deadline, not forever.</summary>
    public TimeSpan EmailLinkLifetime { get; set; } = TimeSpan.FromDays(90);
}
