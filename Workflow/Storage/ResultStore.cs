using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Workflow.Storage;

/// <summary>One stored indicator result, as the scorecard, the HTTP endpoint and the dashboard read it.</summary>
/// <param name="Indicator">The code.</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Status">The status word.</param>
/// <param name="Value">The value, or null when not applicable.</param>
/// <param name="Target">The target.</param>
/// <param name="Baseline">The baseline, or null.</param>
/// <param name="ProgressRatio">CR, where computed.</param>
/// <param name="Expected">Where the indicator should stand now.</param>
/// <param name="Lead">The lead unit.</param>
/// <param name="Coordinating">The coordinating units.</param>
/// <param name="ExplanationVi">The Vietnamese sentence.</param>
/// <param name="ExplanationEn">The English sentence.</param>
/// <param name="RulesVersion">The rules version that produced it.</param>
/// <param name="Report">The report it came from.</param>
/// <param name="Unit">The unit that sent the report.</param>
/// <param name="ReceivedAt">When that report arrived.</param>
public sealed record StoredResult(
    string Indicator, string Period, string Jurisdiction, string Status, decimal? Value, decimal Target, decimal? Baseline,
    double? ProgressRatio, decimal? Expected, string Lead, IReadOnlyList<string> Coordinating, string ExplanationVi, string ExplanationEn,
    string RulesVersion, string Report, string Unit, DateTimeOffset ReceivedAt);

/// <summary>
/// Indicator results: the latest per place, period and indicator (<c>Results</c>), and every result ever
/// scored (<c>ResultHistory</c>). Both are partitioned by place and period, so one report is one transaction
/// per table, and a report that arrives late never overwrites a newer one.
/// </summary>
public sealed class ResultStore
{
    private const int MaxConflictRetries = 5;
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public ResultStore(StorageClients storage) => _storage = storage;

    /// <summary>Stores every score of <paramref name="card"/>.</summary>
    public async Task SaveAsync(Scorecard card, string reportKey, string unit, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(card.Jurisdiction, card.Period.ToString());
        var rows = card.Scores.Select(score => ToEntity(score, card, reportKey, unit, receivedAt)).ToList();
        var history = _storage.Table(StorageNames.ResultHistoryTable);
        foreach (var chunk in rows.Chunk(100))
        {
            await history.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Copy(row, partition, $"{row.RowKey}~{Keys.Ticks(receivedAt)}~{Keys.Hash(reportKey)[..8]}"))),
                cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveLatestAsync(partition, rows, receivedAt, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another report for the same place and period won the race; read again and merge.
            }
        }
    }

    /// <summary>The latest result of every indicator reported for a place and period.</summary>
    public async Task<IReadOnlyList<StoredResult>> LatestAsync(string jurisdiction, string period, CancellationToken cancellationToken)
    {
        var results = new List<StoredResult>();
        var partition = Keys.PlaceAndPeriod(jurisdiction, period);
        await foreach (var row in _storage.Table(StorageNames.ResultsTable).QueryAsync<TableEntity>(row => row.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            results.Add(FromEntity(row));
        }

        return results;
    }

    /// <summary>The latest results of a place for every period, in one range query over its partitions.</summary>
    public async Task<IReadOnlyList<StoredResult>> LatestForPlaceAsync(string jurisdiction, CancellationToken cancellationToken)
    {
        var results = new List<StoredResult>();
        var prefix = Keys.Escape(jurisdiction + "~");
        var filter = $"PartitionKey ge '{prefix}' and PartitionKey lt '{prefix}\uffff'";
        await foreach (var row in _storage.Table(StorageNames.ResultsTable).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            results.Add(FromEntity(row));
        }

        return results;
    }

    /// <summary>Every result ever stored for a place and period, oldest first.</summary>
    public async Task<IReadOnlyList<StoredResult>> HistoryAsync(string jurisdiction, string period, CancellationToken cancellationToken)
    {
        var results = new List<StoredResult>();
        var partition = Keys.PlaceAndPeriod(jurisdiction, period);
        await foreach (var row in _storage.Table(StorageNames.ResultHistoryTable).QueryAsync<TableEntity>(row => row.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            results.Add(FromEntity(row));
        }

        return results.OrderBy(result => result.ReceivedAt).ToList();
    }

    private async Task SaveLatestAsync(string partition, List<TableEntity> rows, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var latest = _storage.Table(StorageNames.ResultsTable);
        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in latest.QueryAsync<TableEntity>(row => row.PartitionKey == partition, select: ["RowKey", "ReceivedAt"], cancellationToken: cancellationToken))
        {
            existing[row.RowKey] = row;
        }

        var actions = new List<TableTransactionAction>();
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.RowKey, out var stored))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }
            else if (stored.GetDateTimeOffset("ReceivedAt") <= receivedAt)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stored.ETag));
            }
        }

        foreach (var chunk in actions.Chunk(100))
        {
            await latest.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    private static TableEntity ToEntity(IndicatorScore score, Scorecard card, string reportKey, string unit, DateTimeOffset receivedAt)
    {
        var explanation = ScoreExplainer.Explain(score);
        var indicator = score.Indicator;
        return new TableEntity(Keys.PlaceAndPeriod(card.Jurisdiction, card.Period.ToString()), indicator.Code)
        {
            ["Indicator"] = indicator.Code,
            ["Period"] = card.Period.ToString(),
            ["Jurisdiction"] = card.Jurisdiction,
            ["Status"] = score.Status.Word(),
            ["Value"] = Text(score.Value),
            ["Target"] = Text(indicator.Target),
            ["Baseline"] = Text(indicator.Baseline),
            ["ProgressRatio"] = score.ProgressRatio,
            ["Expected"] = Text(score.Expected),
            ["Lead"] = indicator.Lead,
            ["Coordinating"] = string.Join(",", indicator.Coordinating),
            ["ExplanationVi"] = explanation.Vi,
            ["ExplanationEn"] = explanation.En,
            ["RulesVersion"] = card.RulesVersion,
            ["Report"] = reportKey,
            ["Unit"] = unit,
            ["ReceivedAt"] = receivedAt,
        };
    }

    private static TableEntity Copy(TableEntity row, string partition, string rowKey)
    {
        var copy = new TableEntity(partition, rowKey);
        foreach (var (key, value) in row.Where(pair => pair.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")))
        {
            copy[key] = value;
        }

        return copy;
    }

    private static StoredResult FromEntity(TableEntity row) => new(
        row.GetString("Indicator"),
        row.GetString("Period"),
        row.GetString("Jurisdiction"),
        row.GetString("Status"),
        Number(row.GetString("Value")),
        Number(row.GetString("Target")) ?? 0m,
        Number(row.GetString("Baseline")),
        row.GetDouble("ProgressRatio"),
        Number(row.GetString("Expected")),
        row.GetString("Lead"),
        (row.GetString("Coordinating") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("ExplanationVi"),
        row.GetString("ExplanationEn"),
        row.GetString("RulesVersion"),
        row.GetString("Report"),
        row.GetString("Unit"),
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue);

    // Decimals are stored as invariant text: Table Storage has no decimal type, and a double would turn 97.2 into 97.2000000001.
    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
