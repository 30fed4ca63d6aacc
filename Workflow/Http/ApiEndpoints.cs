using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenderPlan.Workflow.Http;

/// <summary>
/// The routes of <see cref="ApiHandlers"/> on an ASP.NET Core host, under <c>/api</c> as the Functions host
/// puts them, so a link works the same against <c>genderplan serve --http</c> and against Azure.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The routes, relative to the <c>/api</c> prefix the Functions host adds; the HTTP functions use the same.</summary>
    public const string ScorecardRoute = "scorecard/{period}/{jurisdiction}";

    /// <summary>The health route.</summary>
    public const string HealthRoute = "health";

    /// <summary>The live scorecard page route.</summary>
    public const string PageRoute = "page/{jurisdiction}";

    /// <summary>Maps the API, and <c>/</c> to the district's page when the rules hold one district.</summary>
    public static IEndpointRouteBuilder MapGenderPlanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet(ScorecardRoute, (string period, string jurisdiction, ApiHandlers handlers, CancellationToken cancellationToken) => handlers.ScorecardAsync(period, jurisdiction, cancellationToken));
        api.MapGet(HealthRoute, (ApiHandlers handlers, CancellationToken cancellationToken) => handlers.HealthAsync(cancellationToken));
        api.MapGet(PageRoute, (string jurisdiction, ApiHandlers handlers, CancellationToken cancellationToken) => handlers.PageAsync(jurisdiction, cancellationToken));
        endpoints.MapGet("/", async (ApiHandlers handlers, CancellationToken cancellationToken) =>
            await handlers.HomeAsync(cancellationToken) is { } district ? Results.Redirect($"/api/page/{Uri.EscapeDataString(district)}") : Results.NotFound());
        return endpoints;
    }
}
