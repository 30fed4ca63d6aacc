using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GenderPlan.Functions;

/// <summary>Approving and returning reports: anonymous at the host, the link's token checked by the handlers, as for uploads.</summary>
public sealed class ApprovalFunctions(ApprovalHandlers handlers)
{
    /// <summary>Approves or returns a report: <c>POST /api/reports/{key}/decision</c>.</summary>
    [Function(FunctionNames.DecideReport)]
    public async Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiEndpoints.DecisionRoute)] HttpRequest request,
        string key,
        FunctionContext context) =>
        new ResultAction(await handlers.DecideAsync(key, request, context.CancellationToken));

    /// <summary>The reports awaiting a decision: <c>GET /approvals?token=T</c>.</summary>
    [Function(FunctionNames.ApprovalsPage)]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.ApprovalsPageRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.PageAsync(request, context.CancellationToken));
}
