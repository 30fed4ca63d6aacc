using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Workflow.Storage;

/// <summary>A place's reported figure for one indicator: what the district's page compares and what its sums add up.</summary>
/// <param name="Place">The place below the plan's own.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Status">Its status.</param>
/// <param name="Value">Its value, where there is one.</param>
/// <param name="Numerator">A rate's numerator, where known.</param>
/// <param name="Denominator">A rate's denominator, where known.</param>
/// <param name="Arrival">The arrival number of the report it came from: what the sums' basis adds up.</param>
public sealed record ComparedFigure(
    [property: JsonPropertyName("p")] string Place,
    [property: JsonPropertyName("i")] string Indicator,
    [property: JsonPropertyName("s")] Status Status,
    [property: JsonPropertyName("v")] decimal? Value,
    [property: JsonPropertyName("n")] decimal? Numerator = null,
    [property: JsonPropertyName("d")] decimal? Denominator = null,
    [property: JsonPropertyName("a")] long Arrival = 0)
{
    /// <summary>The numerator and denominator, where both are known.</summary>
    [JsonIgnore]
    public Counts? Counts => Numerator is { } numerator && Denominator is { } denominator ? new Counts(numerator, denominator) : null;
}

/// <summary>The figures of every place below a plan's own place for one period, as the roll-up last stored them.</summary>
/// <param name="Figures">Every place's reported figures.</param>
/// <param name="Basis">The basis of the sums added up from them (arrival numbers and returned reports' weights): a newer state has a greater one.</param>
/// <param name="ReadWholeAt">When every place's results were last read whole, rather than only the places that changed.</param>
/// <param name="ETag">The row's ETag, so that a newer state is never overwritten by an older one.</param>
public sealed record StoredFigures(IReadOnlyList<ComparedFigure> Figures, long Basis, DateTimeOffset ReadWholeAt, ETag ETag);

/// <summary>
/// The reported figures of every place below a plan's own place, per period (<c>CommuneFigures</c>: the plan's place /
/// the period), written by the roll-up, which reads them all to add them up anyway. The district's page compares its
/// communes from this one partition instead of reading each commune's results (a province's page: one read, not 119).
/// </summary>
/// <remarks>
/// A plan's partition, once read, is kept for <see cref="KeptFor"/>, with this process's own writes applied to it: the
/// sweep's roll-up reads it and stores its period, and the province's page, built right after, compares from what the
/// roll-up stored, with no second read. Another writer's change is either caught by the ETag a write is conditional on
/// (the roll-up then reads every place whole next time) or shown by the next page after the copy lapses.
/// </remarks>
public sealed class CommuneFigures
{
    /// <summary>How long a plan's figures read are taken as known: within one sweep, not from one sweep to the next in Azure.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    /// <summary>Under a string property's 32,768 characters.</summary>
    private const int PartLength = 30_000;

    /// <summary>
    /// Fifteen parts, 450,000 characters (900 KB as the service counts them, two bytes a character), keep the row under
    /// an entity's 1 MiB; the largest province (170 communes × 12 commune indicators) takes about 150,000. More is refused.
    /// </summary>
    private const int MaxParts = 15;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, Dictionary<Period, StoredFigures> Periods)> _plans = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public CommuneFigures(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    private TableClient Table => _storage.Table(StorageNames.CommuneFiguresTable);

    /// <summary>
    /// Stores the figures of <paramref name="period"/> under <paramref name="planPlace"/>: only where none are
    /// (<paramref name="replacing"/> null), or in place of <paramref name="replacing"/> as it was read (its ETag). Returns
    /// false when another writer changed the row first: the caller then leaves it to the next whole read.
    /// </summary>
    public async Task<bool> SaveAsync(
        string planPlace, Period period, IReadOnlyList<ComparedFigure> figures, long basis, DateTimeOffset readWholeAt, StoredFigures? replacing, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(figures, Json);
        var parts = json.Chunk(PartLength).Select(part => new string(part)).ToList();
        if (parts.Count > MaxParts)
        {
            throw new InvalidOperationException($"the figures of {planPlace} for {period} take {json.Length} characters, over {PartLength * MaxParts}");
        }

        var row = new TableEntity(planPlace, period.ToString()) { ["Parts"] = parts.Count, ["Basis"] = basis, ["ReadWholeAt"] = readWholeAt };
        for (var index = 0; index < parts.Count; index++)
        {
            row[$"Part{index:D2}"] = parts[index];
        }

        try
        {
            var written = replacing is null
                ? await Table.AddEntityAsync(row, cancellationToken)
                : await Table.UpdateEntityAsync(row, replacing.ETag, TableUpdateMode.Replace, cancellationToken);
            Kept(planPlace, periods => periods[period] = new StoredFigures(figures, basis, readWholeAt, written.Headers.ETag ?? default));
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status is 409 or 412 or 404)
        {
            Drop(planPlace);
            return false;
        }
        catch
        {
            Drop(planPlace);
            throw;
        }
    }

    /// <summary>Forgets the figures of <paramref name="period"/>, so the next roll-up reads every place whole.</summary>
    public async Task ForgetAsync(string planPlace, Period period, CancellationToken cancellationToken)
    {
        Drop(planPlace);
        try
        {
            await Table.DeleteEntityAsync(planPlace, period.ToString(), ETag.All, cancellationToken);
        }
        catch (RequestFailedException gone) when (gone.Status == 404)
        {
            // Forgotten already.
        }
    }

    /// <summary>The figures stored under <paramref name="planPlace"/> for <paramref name="period"/>, or null: from the plan's partition, read or kept.</summary>
    public async Task<StoredFigures?> FindAsync(string planPlace, Period period, CancellationToken cancellationToken) =>
        (await PlanAsync(planPlace, cancellationToken)).GetValueOrDefault(period);

    /// <summary>The figures stored under <paramref name="planPlace"/>, by period: one partition, read or kept.</summary>
    public async Task<IReadOnlyDictionary<Period, IReadOnlyList<ComparedFigure>>> ForPlanAsync(string planPlace, CancellationToken cancellationToken) =>
        (await PlanAsync(planPlace, cancellationToken)).ToDictionary(entry => entry.Key, entry => entry.Value.Figures);

    /// <summary>A copy of the plan's figures by period: kept ones within <see cref="KeptFor"/>, else one read of its partition.</summary>
    private async Task<Dictionary<Period, StoredFigures>> PlanAsync(string planPlace, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_plans.TryGetValue(planPlace, out var kept) && now - kept.At < KeptFor && now >= kept.At)
            {
                return new Dictionary<Period, StoredFigures>(kept.Periods);
            }
        }

        var found = new Dictionary<Period, StoredFigures>();
        await foreach (var row in Table.QueryAsync<TableEntity>(Keys.InPartition(planPlace), cancellationToken: cancellationToken))
        {
            if (Period.TryParse(row.RowKey, out var period) && Read(row) is { } figures)
            {
                found[period] = figures;
            }
        }

        lock (_gate)
        {
            _plans[planPlace] = (now, new Dictionary<Period, StoredFigures>(found));
        }

        return found;
    }

    /// <summary>Applies this process's write to the plan's kept figures, if kept.</summary>
    private void Kept(string planPlace, Action<Dictionary<Period, StoredFigures>> write)
    {
        lock (_gate)
        {
            if (_plans.TryGetValue(planPlace, out var kept))
            {
                write(kept.Periods);
            }
        }
    }

    /// <summary>Forgets the plan's kept figures: the next reader reads the partition.</summary>
    private void Drop(string planPlace)
    {
        lock (_gate)
        {
            _plans.Remove(planPlace);
        }
    }

    private static StoredFigures? Read(TableEntity row)
    {
        var count = row.GetInt32("Parts") ?? 0;
        if (count is < 0 or > MaxParts)
        {
            return null;
        }

        var json = string.Concat(Enumerable.Range(0, count).Select(index => row.GetString($"Part{index:D2}") ?? ""));
        return new StoredFigures(
            JsonSerializer.Deserialize<List<ComparedFigure>>(json, Json) ?? [], row.GetInt64("Basis") ?? 0, row.GetDateTimeOffset("ReadWholeAt") ?? DateTimeOffset.MinValue, row.ETag);
    }
}
