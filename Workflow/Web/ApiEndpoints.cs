using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// The routes of <see cref="ApiHandlers"/> and <see cref="UploadHandlers"/> on an ASP.NET Core host, the same
/// paths the HTTP functions declare (the Functions host adds no prefix: <c>host.json</c> sets it empty, so the
/// upload page can be <c>/upload</c>), so a link works the same against <c>genderplan serve --http</c> and Azure.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The scorecard as JSON.</summary>
    public const string ScorecardRoute = "api/scorecard/{period}/{jurisdiction}";

    /// <summary>The health route.</summary>
    public const string HealthRoute = "api/health";

    /// <summary>The live scorecard page route.</summary>
    public const string PageRoute = "api/page/{jurisdiction}";

    /// <summary>A unit's upload page, opened from its link.</summary>
    public const string UploadPageRoute = UploadLinks.PagePath;

    /// <summary>Where the upload page sends a report.</summary>
    public const string ReportsRoute = "api/reports";

    /// <summary>Where the upload page follows a report until it is scored.</summary>
    public const string UploadStatusRoute = "api/uploads/{id}";

    /// <summary>The blank report template.</summary>
    public const string TemplateRoute = "api/template";

    /// <summary>The rules page, opened from a link.</summary>
    public const string RulesPageRoute = "rules";

    /// <summary>What an edit of the rules would change.</summary>
    public const string RulesPreviewRoute = "api/rules/preview";

    /// <summary>Applies an edit of the rules.</summary>
    public const string RulesApplyRoute = "api/rules/apply";

    /// <summary>A unit's follow-up page, opened from an alert's link.</summary>
    public const string FollowUpPageRoute = UploadLinks.FollowUpPath;

    /// <summary>A unit's follow-up cases.</summary>
    public const string FollowUpsRoute = "api/follow-ups";

    /// <summary>Answers or closes one case.</summary>
    public const string FollowUpRoute = "api/follow-ups/{id}";

    /// <summary>Approves or returns a report (its report log key).</summary>
    public const string DecisionRoute = "api/reports/{key}/decision";

    /// <summary>The page where reports are approved or returned, opened from a link.</summary>
    public const string ApprovalsPageRoute = "approvals";

    /// <summary>Maps every route, and <c>/</c> to the district's page when the rules hold one district.</summary>
    public static IEndpointRouteBuilder MapGenderPlanApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScorecardRoute, (string period, string jurisdiction, HttpRequest request, ApiHandlers handlers, CancellationToken cancellationToken) => handlers.ScorecardAsync(period, jurisdiction, request, cancellationToken));
        endpoints.MapGet(HealthRoute, (ApiHandlers handlers, CancellationToken cancellationToken) => handlers.HealthAsync(cancellationToken));
        endpoints.MapGet(PageRoute, (string jurisdiction, HttpRequest request, ApiHandlers handlers, CancellationToken cancellationToken) => handlers.PageAsync(jurisdiction, request, cancellationToken));
        endpoints.MapGet(UploadPageRoute, (HttpRequest request, UploadHandlers handlers, CancellationToken cancellationToken) => handlers.PageAsync(request, cancellationToken));
        endpoints.MapPost(ReportsRoute, (HttpRequest request, UploadHandlers handlers, CancellationToken cancellationToken) => handlers.SubmitAsync(request, cancellationToken))
            .DisableAntiforgery();
        endpoints.MapGet(UploadStatusRoute, (string id, HttpRequest request, UploadHandlers handlers, CancellationToken cancellationToken) => handlers.StatusAsync(id, request, cancellationToken));
        endpoints.MapGet(TemplateRoute, (string? format, string? period, string? jurisdiction, HttpRequest request, UploadHandlers handlers, CancellationToken cancellationToken) => handlers.TemplateAsync(format, period, jurisdiction, request, cancellationToken));
        endpoints.MapGet(RulesPageRoute, (HttpRequest request, RulesHandlers handlers, CancellationToken cancellationToken) => handlers.PageAsync(request, cancellationToken));
        endpoints.MapPost(RulesPreviewRoute, (HttpRequest request, RulesHandlers handlers, CancellationToken cancellationToken) => handlers.PreviewAsync(request, cancellationToken)).DisableAntiforgery();
        endpoints.MapPost(RulesApplyRoute, (HttpRequest request, RulesHandlers handlers, CancellationToken cancellationToken) => handlers.ApplyAsync(request, cancellationToken)).DisableAntiforgery();
        endpoints.MapGet(FollowUpPageRoute, (HttpRequest request, FollowUpHandlers handlers, CancellationToken cancellationToken) => handlers.PageAsync(request, cancellationToken));
        endpoints.MapGet(FollowUpsRoute, (HttpRequest request, FollowUpHandlers handlers, CancellationToken cancellationToken) => handlers.ListAsync(request, cancellationToken));
        endpoints.MapPost(FollowUpRoute, (string id, HttpRequest request, FollowUpHandlers handlers, CancellationToken cancellationToken) => handlers.AnswerAsync(id, request, cancellationToken)).DisableAntiforgery();
        endpoints.MapPost(DecisionRoute, (string key, HttpRequest request, ApprovalHandlers handlers, CancellationToken cancellationToken) => handlers.DecideAsync(key, request, cancellationToken)).DisableAntiforgery();
        endpoints.MapGet(ApprovalsPageRoute, (HttpRequest request, ApprovalHandlers handlers, CancellationToken cancellationToken) => handlers.PageAsync(request, cancellationToken));
        endpoints.MapGet("/", (ApiHandlers handlers, CancellationToken cancellationToken) => handlers.HomeAsync(cancellationToken));
        return endpoints;
    }
}
