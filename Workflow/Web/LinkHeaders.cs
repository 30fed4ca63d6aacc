using Microsoft.AspNetCore.Http;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// The headers of every answer to a request that carries a link's token (the upload and rules pages, whose
/// address holds it, and the APIs that take it as a bearer): nothing may keep the answer (a shared computer's
/// cache, a proxy), send the address on as a referrer, or show the page inside another site's frame, where a
/// click could be stolen. Set before the handler answers, so refusals carry them too.
/// </summary>
public static class LinkHeaders
{
    /// <summary>Adds the headers to <paramref name="request"/>'s response.</summary>
    public static void Apply(HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    }
}
