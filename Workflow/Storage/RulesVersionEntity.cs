using Azure;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>A row of <c>RulesVersions</c>: a version that was active (newest first), or the pointer to the active one.</summary>
public sealed class RulesVersionEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The rule book's content hash.</summary>
    public string Version { get; set; } = "";

    /// <summary>When it became active.</summary>
    public DateTimeOffset ActivatedAt { get; set; }

    /// <summary>Who uploaded it, where known.</summary>
    public string? Uploader { get; set; }

    /// <summary>Its files, comma-separated.</summary>
    public string? Files { get; set; }

    /// <summary>The plan versions it holds, comma-separated.</summary>
    public string? Plans { get; set; }

    /// <summary>The record as the handlers read it.</summary>
    public RulesVersionInfo ToInfo() => new(Version, ActivatedAt, Uploader, (Files ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A row of <c>RulesVersions</c> for a refused rules upload.</summary>
public sealed class RefusedRulesEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The refused file.</summary>
    public string File { get; set; } = "";

    /// <summary>When it was refused.</summary>
    public DateTimeOffset RefusedAt { get; set; }

    /// <summary>Who uploaded it, where known.</summary>
    public string? Uploader { get; set; }

    /// <summary>Every problem, one a line.</summary>
    public string? Problems { get; set; }
}
