using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenderPlan.Workflow.Web;

/// <summary>A valid rules version is active: without one, no report can be scored.</summary>
public sealed class RulesHealthCheck : IHealthCheck
{
    private readonly ActiveRules _activeRules;

    /// <summary>Creates the check.</summary>
    public RulesHealthCheck(ActiveRules activeRules) => _activeRules = activeRules;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await _activeRules.GetAsync(cancellationToken) is { } book
            ? HealthCheckResult.Healthy($"version {book.Version}, {book.Plans.Count} plan(s)")
            : HealthCheckResult.Unhealthy("no rules version is active");
}
