using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>The status last alerted per indicator, place and period: what makes alerts go out once.</summary>
public sealed class AlertStateStore
{
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public AlertStateStore(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.AlertStateTable);

    /// <summary>The statuses alerted for a place and period, by indicator code.</summary>
    public async Task<IReadOnlyDictionary<string, Status>> GetAsync(string jurisdiction, Period period, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, Status>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<AlertStateEntity>(Keys.InPartition(Keys.PlaceAndPeriod(jurisdiction, period.ToString())), cancellationToken: cancellationToken))
        {
            if (StatusText.TryParse(row.Status, out var status))
            {
                states[row.RowKey] = status;
            }
        }

        return states;
    }

    /// <summary>Remembers new alerted statuses and forgets recovered ones, in one transaction.</summary>
    public async Task ApplyAsync(string jurisdiction, Period period, IReadOnlyDictionary<string, Status?> changes, string reportKey, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var partition = Keys.PlaceAndPeriod(jurisdiction, period.ToString());
        var actions = changes.Select(change => change.Value is { } status
            ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, new AlertStateEntity { PartitionKey = partition, RowKey = change.Key, Status = status.Word(), Report = reportKey })
            : new TableTransactionAction(TableTransactionActionType.Delete, new AlertStateEntity { PartitionKey = partition, RowKey = change.Key }, ETag.All));
        foreach (var chunk in actions.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                // A recovered indicator was forgotten already (the same report processed twice): apply the rest one by one.
                foreach (var action in chunk.Where(action => action.ActionType != TableTransactionActionType.Delete))
                {
                    await Table.UpsertEntityAsync((AlertStateEntity)action.Entity, TableUpdateMode.Replace, cancellationToken);
                }
            }
        }
    }
}

/// <summary>A row of the <c>AlertState</c> table: partition the place and period, row the indicator code.</summary>
public sealed class AlertStateEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The status word alerted.</summary>
    public string Status { get; set; } = "";

    /// <summary>The report that caused it.</summary>
    public string? Report { get; set; }
}
