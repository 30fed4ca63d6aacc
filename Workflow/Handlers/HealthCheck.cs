using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Handlers;

/// <summary>Checks that blob and table storage answer and that a valid rules version is active.</summary>
public sealed class HealthCheck : IHealthCheck
{
    private readonly StorageClients _storage;
    private readonly ActiveRules _activeRules;

    /// <summary>Creates the check.</summary>
    public HealthCheck(StorageClients storage, ActiveRules activeRules)
    {
        _storage = storage;
        _activeRules = activeRules;
    }

    /// <inheritdoc />
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal);
        var healthy = true;
        healthy &= await RunAsync(checks, "blobs", async () =>
        {
            var exists = await _storage.Container(StorageNames.ReportsContainer).ExistsAsync(cancellationToken);
            return exists.Value ? "ok" : throw new InvalidOperationException($"container '{StorageNames.ReportsContainer}' is missing");
        });
        healthy &= await RunAsync(checks, "tables", async () =>
        {
            await foreach (var _ in _storage.Table(StorageNames.UploadsTable).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken))
            {
                break;
            }

            return "ok";
        });
        healthy &= await RunAsync(checks, "rules", async () =>
        {
            var book = await _activeRules.GetAsync(cancellationToken) ?? throw new InvalidOperationException("no rules version is active");
            return $"ok: version {book.Version}, {book.Plans.Count} plan(s)";
        });
        return new HealthReport(healthy, checks);
    }

    private static async Task<bool> RunAsync(Dictionary<string, string> checks, string name, Func<Task<string>> check)
    {
        try
        {
            checks[name] = await check();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            checks[name] = "failing: " + exception.Message;
            return false;
        }
    }
}
