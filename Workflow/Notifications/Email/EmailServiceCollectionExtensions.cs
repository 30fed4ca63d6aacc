using GenderPlan.Documents.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace GenderPlan.Workflow.Notifications.Email;

/// <summary>Registers the email sender: SendGrid when a key is configured, else the pickup folder.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> that carries SendGrid's resilience pipeline.</summary>
    public const string SendGridClientName = "sendgrid";

    /// <summary>
    /// The SendGrid client goes through <c>Microsoft.Extensions.Http.Resilience</c>: a total timeout per email,
    /// retries on 429, 5xx, timeouts and connection faults with exponential back-off, jitter and
    /// <c>Retry-After</c> (capped), and a timeout per attempt. <see cref="HttpClient.Timeout"/> is switched off
    /// so the pipeline's timeouts are the only ones.
    /// </summary>
    public static IServiceCollection AddGenderPlanEmail(this IServiceCollection services)
    {
        services.AddHttpClient(SendGridClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(SendGridClientName, (pipeline, context) =>
            {
                var email = context.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value;
                pipeline.AddTimeout(email.TotalSendTimeout);
                if (email.MaxAttemptsPerSend > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = email.MaxAttemptsPerSend - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(250),
                        MaxDelay = email.MaxRetryDelay,
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(email.AttemptTimeout);
            });

        services.AddSingleton<IEmailSender>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(email.SendGridApiKey)
                ? ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<SendGridEmailSender>(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridClientName));
        });
        return services;
    }
}
