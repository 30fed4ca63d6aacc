using Azure;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>The keys and concurrency stamp every typed row of the product's tables carries.</summary>
public abstract class TableRow : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }
}
