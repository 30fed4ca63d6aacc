using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace GenderPlan.Functions;

/// <summary>
/// The upload page and its API. Anonymous at the host: officials hold links, not function keys, so every
/// handler checks the link's token itself (and counts failures per address); the template holds nothing secret.
/// </summary>
public sealed class UploadFunctions(UploadHandlers handlers)
{
    /// <summary>A unit's upload page: <c>GET /upload?unit=ID&amp;token=T</c>.</summary>
    [Function(FunctionNames.UploadPage)]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.UploadPageRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.PageAsync(request, context.CancellationToken));

    /// <summary>A report from the upload page: <c>POST /api/reports?unit=ID</c>, bearer token, one file field.</summary>
    [Function(FunctionNames.SubmitReport)]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiEndpoints.ReportsRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.SubmitAsync(request, context.CancellationToken));

    /// <summary>Where a sent report stands: <c>GET /api/uploads/{id}</c>, bearer token.</summary>
    [Function(FunctionNames.UploadStatus)]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.UploadStatusRoute)] HttpRequest request,
        string id,
        FunctionContext context) =>
        new ResultAction(await handlers.StatusAsync(id, request, context.CancellationToken));

    /// <summary>The blank template: <c>GET /api/template?format=xlsx|csv</c>.</summary>
    [Function(FunctionNames.ReportTemplate)]
    public async Task<IActionResult> TemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiEndpoints.TemplateRoute)] HttpRequest request,
        FunctionContext context) =>
        new ResultAction(await handlers.TemplateAsync(request.Query["format"], request.Query["period"], request.Query["jurisdiction"], request, context.CancellationToken));
}
