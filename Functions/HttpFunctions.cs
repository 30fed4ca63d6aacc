using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GenderPlan.Functions;

/// <summary>The HTTP endpoints, protected by function keys; the handlers are the ones <c>genderplan serve --http</c> maps.</summary>
public sealed class HttpFunctions(ApiHandlers handlers)
{
    /// <summary>The scorecard of a period and place as JSON: <c>GET /api/scorecard/2019/dak-to</c>.</summary>
    [Function(FunctionNames.Scorecard)]
    public async Task<IActionResult> ScorecardAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiEndpoints.ScorecardRoute)] HttpRequest request,
        string period,
        string jurisdiction,
        FunctionContext context) =>
        new ResultAction(await handlers.ScorecardAsync(period, jurisdiction, request, context.CancellationToken));

    /// <summary>200 when storage answers and valid rules are active, 503 otherwise.</summary>
    [Function(FunctionNames.Health)]
    public async Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiEndpoints.HealthRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.HealthAsync(context.CancellationToken));

    /// <summary>The scorecard page of a place, rendered now: <c>GET /api/page/dak-to</c>.</summary>
    [Function(FunctionNames.ScorecardPage)]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiEndpoints.PageRoute)] HttpRequest request,
        string jurisdiction,
        FunctionContext context) =>
        new ResultAction(await handlers.PageAsync(jurisdiction, request, context.CancellationToken));
}
