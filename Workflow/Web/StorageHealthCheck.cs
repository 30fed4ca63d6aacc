using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenderPlan.Workflow.Web;

/// <summary>Blob and table storage answer, and the product's containers exist.</summary>
public sealed class StorageHealthCheck : IHealthCheck
{
    private readonly StorageClients _storage;

    /// <summary>Creates the check.</summary>
    public StorageHealthCheck(StorageClients storage) => _storage = storage;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!(await _storage.Container(StorageNames.ReportsContainer).ExistsAsync(cancellationToken)).Value)
        {
            return HealthCheckResult.Unhealthy($"container '{StorageNames.ReportsContainer}' is missing");
        }

        await foreach (var _ in _storage.Table(StorageNames.UploadsTable).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            break;
        }

        return HealthCheckResult.Healthy("blobs and tables answer");
    }
}
