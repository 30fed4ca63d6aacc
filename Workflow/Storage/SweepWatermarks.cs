using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// How far the sweep's readers of the change log got (the sums' catch-up, the pages), kept in one row of <c>Changes</c>
/// (<c>~watermarks</c> / <c>sweep</c>) so that the next sweep starts there whichever instance runs it: a new instance (a
/// scale-out, a cold start after the app slept) or one that comes after an outage. Read once per process, written once
/// per sweep (<see cref="SaveAsync"/>), so a report is added up and its page published even when no sweep ran for hours
/// after it, never only when a sweep came within the last minutes.
/// </summary>
public sealed class SweepWatermarks
{
    private const string Partition = "~watermarks";
    private const string Row = "sweep";

    /// <summary>
    /// The furthest back a sweep looks, however old the mark: two days of five-minute buckets (576 reads, once). A gap
    /// longer than that (the app stopped for days) leaves the sums to the six-hourly whole read of the next report's period.
    /// </summary>
    public static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(2);

    /// <summary>
    /// Where a reader whose last run was <paramref name="mark"/> starts at <paramref name="now"/>: the mark, at most
    /// <see cref="MaxLookBack"/> back; <paramref name="firstEver"/> back when there is none (or it is ahead of this clock).
    /// </summary>
    public static DateTimeOffset StartOf(DateTimeOffset? mark, DateTimeOffset now, TimeSpan firstEver) =>
        mark is not { } at || at > now ? now - firstEver : at < now - MaxLookBack ? now - MaxLookBack : at;

    private readonly StorageClients _storage;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _marks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _read = new(1, 1);
    private volatile bool _loaded;

    /// <summary>Creates the store.</summary>
    public SweepWatermarks(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.ChangesTable);

    /// <summary>Where the reader <paramref name="name"/> got to, as this process or the last sweep of any stored it; null before any.</summary>
    public async Task<DateTimeOffset?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            await _read.WaitAsync(cancellationToken);
            try
            {
                if (!_loaded)
                {
                    var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
                    if (row.HasValue && row.Value is { } stored)
                    {
                        foreach (var (key, value) in stored)
                        {
                            if (value is DateTimeOffset at)
                            {
                                _marks.TryAdd(key, at);
                            }
                        }
                    }

                    _loaded = true;
                }
            }
            finally
            {
                _read.Release();
            }
        }

        return _marks.TryGetValue(name, out var mark) ? mark : null;
    }

    /// <summary>Notes that the reader <paramref name="name"/> has done everything up to <paramref name="at"/>; stored by the next <see cref="SaveAsync"/>.</summary>
    public void Set(string name, DateTimeOffset at) => _marks.AddOrUpdate(name, at, (_, before) => at > before ? at : before);

    /// <summary>
    /// Stores every watermark this process holds, merged into the row. Two instances sweeping at once may set each other's
    /// mark back a few minutes: the next sweep then reads a few buckets again, and what it does again is idempotent.
    /// </summary>
    public Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_marks.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var row = new TableEntity(Partition, Row);
        foreach (var (name, at) in _marks)
        {
            row[name] = at;
        }

        return Table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }
}
