using GenderPlan.Workflow.Notifications.Email;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Notifications;

/// <summary>Registers the notifications module: the outbox, the dispatcher, upload links filled in at sending, and the email sender.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Registers everything that tells people something; callers need only <see cref="Notifier"/>.</summary>
    public static IServiceCollection AddGenderPlanNotifications(this IServiceCollection services)
    {
        services.AddGenderPlanEmail();
        services.AddSingleton<AlertOutbox>();
        services.AddHostedService<SentMarksAtStop>();
        services.AddSingleton<EmailUploadLinks>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IAlertDispatcher>(provider => provider.GetRequiredService<AlertDispatcher>());
        services.AddSingleton<EmailRendering>();
        services.AddSingleton<Notifier>();
        return services;
    }
}
