
namespace GenderPlan.Workflow;

/// <summary>How an upload link is written, in one place for <c>genderplan links</c>, the emails and the page's route.</summary>
public static class UploadLinks
{
    /// <summary>The page's path, without a leading slash, as routes are declared.</summary>
    public const string PagePath = "upload";

    /// <summary>
    /// <c>{base}/upload?unit=ID&amp;token=T</c>. Unit ids and tokens are URL-safe by construction; both are escaped
    /// anyway, so a hand-edited units file cannot break a link.
    /// </summary>
    public static string For(string baseUrl, string unit, string token) =>
        $"{baseUrl.TrimEnd('/')}/{PagePath}?unit={Uri.EscapeDataString(unit)}&token={Uri.EscapeDataString(token)}";

    /// <summary>The follow-up page's path, without a leading slash.</summary>
    public const string FollowUpPath = "follow-ups";

    /// <summary><c>{base}/follow-ups?unit=ID&amp;token=T</c>: where a unit answers its alerts.</summary>
    public static string FollowUpsFor(string baseUrl, string unit, string token) =>
        $"{baseUrl.TrimEnd('/')}/{FollowUpPath}?unit={Uri.EscapeDataString(unit)}&token={Uri.EscapeDataString(token)}";
}
