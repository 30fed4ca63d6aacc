using GenderPlan.Core.Domain;
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

    /// <summary>
    /// <c>GET /</c>: the page of the only plan's place, or, when the rules follow plans of several places, the list of plans
    /// linking to each place's live page; 404 without active rules.
    /// </summary>
    public async Task<IResult> HomeAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        var districts = rules?.Districts() ?? [];
        return districts.Count switch
        {
            1 => Results.Redirect($"/api/page/{Uri.EscapeDataString(districts[0])}"),
            > 1 => Results.Content(_pages.RenderHome(rules!, PageLinks.Live), "text/html; charset=utf-8"),
            _ => Results.NotFound(),
        };
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

    /// <summary>
    /// <c>GET /api/page/{jurisdiction}[?period=2019]</c>: the scorecard page of a place, rendered from the stored results
    /// now, for the period asked for or else the latest with the place's own figures; 400 for a malformed period or one
    /// outside the plan's years, said in the caller's language.
    /// </summary>
    public async Task<IResult> PageAsync(string jurisdiction, HttpRequest request, CancellationToken cancellationToken)
    {
        var language = UploadRequests.LanguageOf(request);
        string? asked = request.Query["period"];
        Period? period = null;
        if (!string.IsNullOrEmpty(asked))
        {
            if (!Period.TryParse(asked, out var parsed))
            {
                return UploadHandlers.Error(StatusCodes.Status400BadRequest, Messages.NotAPeriodQuery.Format(language, asked));
            }

            period = parsed;
        }

        if (await _pages.BuildAsync(jurisdiction, PageLinks.Live, cancellationToken) is not { } input)
        {
            return UploadHandlers.Error(StatusCodes.Status404NotFound, Messages.NoPlanIncludes.Format(language, jurisdiction));
        }

        if (period is { } shown && !input.Plan.Covers(shown))
        {
            return UploadHandlers.Error(StatusCodes.Status400BadRequest, Messages.PeriodNotInPlan.Format(language, shown.Label.Vi, shown.Label.En, input.Plan.StartYear, input.Plan.EndYear));
        }

        return Results.Content(DashboardRenderer.Render(input with { Period = period }), "text/html; charset=utf-8");
    }
}
