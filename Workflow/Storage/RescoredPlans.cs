using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// Which version of each plan every stored result was last brought up to (<c>RulesVersions</c>, partition
/// <c>rescored</c>, a row per plan): a process's first sweep reads these few rows instead of every result of every plan
/// to find out whether a rules change is still to be applied. A Functions instance that starts cold (Flex Consumption
/// scales to zero) would otherwise read the country's results on its first timer.
/// </summary>
public sealed class RescoredPlans
{
    private const string Partition = "rescored";

    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public RescoredPlans(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.RulesVersionsTable);

    /// <summary>Each plan's id and the version all its results were scored by, as last noted: one partition.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken cancellationToken)
    {
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(Keys.InPartition(Partition), select: ["RowKey", "Version"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Version") is { } version)
            {
                marks[row.RowKey] = version;
            }
        }

        return marks;
    }

    /// <summary>Notes that every result of each plan is scored by the version given: one transaction per hundred plans.</summary>
    public async Task MarkAsync(IEnumerable<(string Plan, string Version)> plans, CancellationToken cancellationToken)
    {
        var rows = plans.Select(plan => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, plan.Plan) { ["Version"] = plan.Version }));
        foreach (var batch in TableBatches.Of(rows))
        {
            await Table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }
}
