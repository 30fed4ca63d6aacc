using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GenderPlan.Functions;

/// <summary>The rules page and its API: anonymous at the host, the link's token checked by the handlers, as for uploads.</summary>
public sealed class RulesFunctions(RulesHandlers handlers)
{
    /// <summary>The rules as a table: <c>GET /rules?token=T</c>.</summary>
    [Function(FunctionNames.RulesPage)]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.RulesPageRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.PageAsync(request, context.CancellationToken));

    /// <summary>What an edit would change: <c>POST /api/rules/preview</c>.</summary>
    [Function(FunctionNames.RulesPreview)]
    public async Task<IActionResult> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiEndpoints.RulesPreviewRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.PreviewAsync(request, context.CancellationToken));

    /// <summary>Applies an edit: <c>POST /api/rules/apply</c>.</summary>
    [Function(FunctionNames.RulesApply)]
    public async Task<IActionResult> ApplyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiEndpoints.RulesApplyRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.ApplyAsync(request, context.CancellationToken));
}
