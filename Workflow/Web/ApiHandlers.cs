using GenderPlan.Core.Text;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// The HTTP endpoints officials and operators call, written once: the Functions app maps each to an HTTP
/// function and <c>genderplan serve --http</c> to an ASP.NET Core route, with the same paths.
/// </summary>
public sealed class ApiHandlers
{
    private readonly IScorecardQuery _scorecards;
    private readonly HealthCheckService _health;
    private readonly DashboardPublisher _pages;
    private readonly ActiveRules _activeRules;

    /// <summary>Creates the handlers.</summary>
    public ApiHandlers(IScorecardQuery scorecards, HealthCheckService health, DashboardPublisher pages, ActiveRules activeRules)
    {
        _scorecards = scorecards;
        _health = health;
        _pages = pages;
        _activeRules = activeRules;
    }

    /// <summary>The district whose page is the home page: the only district of the active rules, else null.</summary>
    public async Task<string?> HomeAsync(CancellationToken cancellationToken)
    {
        var districts = (await _activeRules.GetAsync(cancellationToken))?.Districts() ?? [];
        return districts.Count == 1 ? districts[0] : null;
    }

    /// <summary><c>GET /api/scorecard/{period}/{jurisdiction}</c>: the stored scorecard as JSON; 400 for a malformed period, said in the caller's language.</summary>
    public async Task<IResult> ScorecardAsync(string period, string jurisdiction, HttpRequest request, CancellationToken cancellationToken) =>
        await _scorecards.GetAsync(period, jurisdiction, cancellationToken) is { } scorecard
            ? Results.Json(scorecard, ApiJson.Options)
            : UploadHandlers.Error(StatusCodes.Status400BadRequest, Messages.NotAPeriodQuery.Format(UploadRequests.LanguageOf(request), period));

    /// <summary><c>GET /api/health</c>: 200 when storage answers and valid rules are active, 503 otherwise.</summary>
    public async Task<IResult> HealthAsync(CancellationToken cancellationToken)
    {
        var report = await _health.CheckHealthAsync(cancellationToken);
        var checks = report.Entries.ToDictionary(entry => entry.Key, entry => new HealthCheckResponse(entry.Value.Status.ToString(), entry.Value.Description ?? entry.Value.Exception?.Message));
        return Results.Json(
            new HealthResponse(report.Status.ToString(), checks),
            ApiJson.Options,
            statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary><c>GET /api/page/{jurisdiction}</c>: the scorecard page of a place, rendered from the stored results now.</summary>
    public async Task<IResult> PageAsync(string jurisdiction, HttpRequest request, CancellationToken cancellationToken) =>
        await _pages.BuildAsync(jurisdiction, PageLinks.Live, cancellationToken) is { } input
            ? Results.Content(DashboardRenderer.Render(input), "text/html; charset=utf-8")
            : UploadHandlers.Error(StatusCodes.Status404NotFound, Messages.NoPlanIncludes.Format(UploadRequests.LanguageOf(request), jurisdiction));
}
