using GenderPlan.Workflow.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GenderPlan.Functions;

/// <summary>The HTTP endpoints, protected by function keys.</summary>
public sealed class HttpFunctions(IScorecardQuery scorecards, IHealthCheck health)
{
    /// <summary>The scorecard of a period and place as JSON: <c>GET /api/scorecard/2019/dak-to</c>.</summary>
    [Function(FunctionNames.Scorecard)]
    public async Task<IActionResult> ScorecardAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "scorecard/{period}/{jurisdiction}")] HttpRequest request,
        string period,
        string jurisdiction,
        FunctionContext context)
    {
        var view = await scorecards.GetAsync(period, jurisdiction, context.CancellationToken);
        return view is null
            ? new BadRequestObjectResult(new { error = $"'{period}' is not a period; write YYYY or YYYY-H1" })
            : new OkObjectResult(view);
    }

    /// <summary>200 when storage answers and valid rules are active, 503 otherwise.</summary>
    [Function(FunctionNames.Health)]
    public async Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request,
        FunctionContext context)
    {
        var report = await health.CheckAsync(context.CancellationToken);
        return new ObjectResult(report) { StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }
}
