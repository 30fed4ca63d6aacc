using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Web;

/// <summary>Registers the upload links, the page and its API.</summary>
public static class UploadServiceCollectionExtensions
{
    /// <summary>Binds <see cref="UploadOptions"/> and registers the token store, the link check and the handlers.</summary>
    public static IServiceCollection AddGenderPlanUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section))
            .Validate(options => options.MaxFailedChecks > 0 && options.FailedChecksWindow > TimeSpan.Zero, "GenderPlan:Uploads:MaxFailedChecks and FailedChecksWindow must be positive")
            .Validate(options => UploadRequests.TryForwarding(options, out _), "GenderPlan:Uploads:KnownProxies must each be an IP address (10.0.0.4) or a network (10.0.0.0/24)")
            .Validate(options => options.PublicUrl is null || Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _), "GenderPlan:Uploads:PublicUrl must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton<UploadTokenStore>();
        services.AddSingleton<WebUploadStore>();
        services.AddSingleton<FailedLinkChecks>();
        services.AddSingleton<UploadAccess>();
        services.AddSingleton<UploadRequests>();
        services.AddSingleton<UploadHandlers>();
        services.AddSingleton<RulesHandlers>();
        services.AddSingleton<FollowUpHandlers>();
        services.AddSingleton<ApprovalHandlers>();
        return services;
    }
}
