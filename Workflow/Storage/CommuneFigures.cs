using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>A place's reported figure for one indicator, as the district's page compares its communes.</summary>
/// <param name="Place">The place below the plan's own.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Status">Its status.</param>
/// <param name="Value">Its value, where there is one.</param>
public sealed record ComparedFigure(
    [property: JsonPropertyName("p")] string Place,
    [property: JsonPropertyName("i")] string Indicator,
    [property: JsonPropertyName("s")] Status Status,
    [property: JsonPropertyName("v")] decimal? Value);

/// <summary>
/// The reported figures of every place below a plan's own place, per period (<c>CommuneFigures</c>: the plan's place /
/// the period), written by the roll-up, which reads them all to add them up anyway. The district's page compares its
/// communes from this one partition instead of reading each commune's results (a province's page: one read, not 119).
/// </summary>
public sealed class CommuneFigures
{
    /// <summary>Under a string property's 32,768 characters.</summary>
    private const int PartLength = 30_000;

    /// <summary>Forty parts (1.2 million characters) is far beyond a province's 170 communes × 30 indicators; more is refused.</summary>
    private const int MaxParts = 40;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public CommuneFigures(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.CommuneFiguresTable);

    /// <summary>
    /// Stores the figures of <paramref name="period"/> under <paramref name="planPlace"/>, replacing those stored, or
    /// (<paramref name="unlessStored"/>) only where none are: a page filling in a period the roll-up has not written must
    /// never overwrite what the roll-up wrote meanwhile.
    /// </summary>
    public async Task SaveAsync(string planPlace, Period period, IReadOnlyList<ComparedFigure> figures, bool unlessStored, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(figures, Json);
        var parts = json.Chunk(PartLength).Select(part => new string(part)).ToList();
        if (parts.Count > MaxParts)
        {
            throw new InvalidOperationException($"the figures of {planPlace} for {period} take {json.Length} characters, over {PartLength * MaxParts}");
        }

        var row = new TableEntity(planPlace, period.ToString()) { ["Parts"] = parts.Count };
        for (var index = 0; index < parts.Count; index++)
        {
            row[$"Part{index:D2}"] = parts[index];
        }

        if (!unlessStored)
        {
            await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            return;
        }

        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // The roll-up's, which is at least as new.
        }
    }

    /// <summary>The figures stored under <paramref name="planPlace"/>, by period: one partition.</summary>
    public async Task<IReadOnlyDictionary<Period, IReadOnlyList<ComparedFigure>>> ForPlanAsync(string planPlace, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Period, IReadOnlyList<ComparedFigure>>();
        await foreach (var row in Table.QueryAsync<TableEntity>(Keys.InPartition(planPlace), cancellationToken: cancellationToken))
        {
            var count = row.GetInt32("Parts") ?? 0;
            if (!Period.TryParse(row.RowKey, out var period) || count is < 0 or > MaxParts)
            {
                continue;
            }

            var json = string.Concat(Enumerable.Range(0, count).Select(index => row.GetString($"Part{index:D2}") ?? ""));
            found[period] = JsonSerializer.Deserialize<List<ComparedFigure>>(json, Json) ?? [];
        }

        return found;
    }
}
