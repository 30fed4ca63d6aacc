using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenderPlan.Workflow.Hosting;

/// <summary>The one place the workflow's services are registered, for the Functions app and the local host alike.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Registers storage, email, the handlers, the HTTP handlers, the health checks and the local runner.</summary>
    public static IServiceCollection AddGenderPlanWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section));
        services.AddOptions<ProvinceReportOptions>().Bind(configuration.GetSection(ProvinceReportOptions.Section))
            .Validate(options => options.DaysAfterDeadline is >= 0 and <= 60, "GenderPlan:ProvinceReport:DaysAfterDeadline must be between 0 and 60 days")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(email => email.ClaimDuration > email.TotalSendTimeout * 2, "GenderPlan:Email:ClaimDuration must be more than twice TotalSendTimeout, or a second sender could take an alert still being sent")
            .Validate(
                email => email.SentMarkDelay >= TimeSpan.Zero && email.SentMarkDelay * 4 <= email.ClaimDuration - email.TotalSendTimeout,
                "GenderPlan:Email:SentMarkDelay must be between zero and a quarter of ClaimDuration less TotalSendTimeout, or an email delivered could be sent again once its claim lapses")
            .ValidateOnStart();
        services.AddGenderPlanStorage(configuration);
        services.AddGenderPlanNotifications();

        services.AddSingleton<VerdictRecorder>();
        services.AddSingleton<ReportPipeline>();
        services.AddSingleton<DistrictRollUp>();
        services.AddSingleton<SweepPlaceReads>();
        services.AddSingleton<FormerPlacesBaselines>();
        services.AddSingleton<DashboardPublisher>();
        services.AddSingleton<IDashboardPublisher>(provider => provider.GetRequiredService<DashboardPublisher>());
        services.AddSingleton<RulesPreviewer>();
        services.AddSingleton<RulesRescoring>();
        // The sweep runs these in this order: verdicts of a new rules version first, then the sums they feed.
        services.AddSingleton<ISweepCatchUp>(provider => provider.GetRequiredService<RulesRescoring>());
        // Returns before the sums' catch-up: a return cut short gets its results restored before the sums are added up again.
        services.AddSingleton<ReportApproval>();
        services.AddSingleton<ISweepCatchUp>(provider => provider.GetRequiredService<ReportApproval>());
        services.AddSingleton<ISweepCatchUp, DistrictSumsCatchUp>();
        // Then the follow-ups: reminders, escalations and the weekly digest, from the cases the verdicts opened and closed.
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<ISweepCatchUp>(provider => provider.GetRequiredService<FollowUpService>());
        services.AddSingleton<Sweep>();
        services.AddSingleton<RulesIntake>();
        services.AddSingleton<RulesHistory>();
        services.AddSingleton<IRulesIntake>(provider => provider.GetRequiredService<RulesIntake>());
        services.AddSingleton<IReportIntake, ReportIntake>();
        services.AddSingleton<IReminderService, ReminderService>();
        services.AddSingleton<ProvinceReportService>();
        services.AddSingleton<IProvinceReportService>(provider => provider.GetRequiredService<ProvinceReportService>());
        services.AddSingleton<IScorecardQuery, ScorecardQuery>();
        services.AddSingleton<ApiHandlers>();
        services.AddGenderPlanUploads(configuration);
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<RulesHealthCheck>("rules");
        services.AddSingleton<LocalRunner>();
        return services;
    }
}
