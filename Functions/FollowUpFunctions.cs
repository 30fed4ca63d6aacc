using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GenderPlan.Functions;

/// <summary>
/// The follow-up page and its API. Anonymous at the host, as the upload page: units hold links from their alerts,
/// and the handlers check each link's token and which unit's cases it may see.
/// </summary>
public sealed class FollowUpFunctions(FollowUpHandlers handlers)
{
    /// <summary>A unit's follow-up page: <c>GET /follow-ups?unit=ID&amp;token=T</c>.</summary>
    [Function(FunctionNames.FollowUpPage)]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.FollowUpPageRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.PageAsync(request, context.CancellationToken));

    /// <summary>A unit's cases: <c>GET /api/follow-ups?unit=ID</c>, bearer token.</summary>
    [Function(FunctionNames.FollowUps)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.FollowUpsRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.ListAsync(request, context.CancellationToken));

    /// <summary>A unit's answer, or the coordinator's closing: <c>POST /api/follow-ups/{id}</c>, bearer token.</summary>
    [Function(FunctionNames.FollowUpAnswer)]
    public async Task<IActionResult> AnswerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiEndpoints.FollowUpRoute)] HttpRequest request,
        string id,
        FunctionContext context) =>
        new ResultAction(await handlers.AnswerAsync(id, request, context.CancellationToken));
}
