using System.Collections.Concurrent;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// The latest results of the places below a plan's own that a sweep's roll-up read, every period of each, kept for the
/// pages the same sweep publishes right after: a commune's page shows what the roll-up has just read, so the sweep reads
/// each changed place once, not once to add it up and again to show it. Only the sweep's own publishing takes them
/// (<see cref="Take"/>), each once; a live page always reads storage, and nothing is kept past <see cref="KeptFor"/>, so
/// no page is built from what an earlier sweep read.
/// </summary>
public sealed class SweepPlaceReads
{
    /// <summary>How long a read stands in for the page: longer than one sweep takes, shorter than the time between two.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<StoredResult> Results)> _reads = new(StringComparer.Ordinal);
    private readonly ResultStore _results;
    private readonly TimeProvider _clock;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>Creates the store of reads.</summary>
    public SweepPlaceReads(ResultStore results, TimeProvider clock)
    {
        _results = results;
        _clock = clock;
    }

    /// <summary>
    /// The latest results of <paramref name="place"/> for every period, in one range query (or as this sweep read them for
    /// another of its periods), kept for its page.
    /// </summary>
    public async Task<IReadOnlyList<StoredResult>> ReadAsync(string place, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_reads.TryGetValue(place, out var kept) && Recent(kept.At, now))
        {
            return kept.Results;
        }

        var results = await _results.LatestForPlaceAsync(place, cancellationToken);
        ForgetExpired(now);
        _reads[place] = (now, results);
        return results;
    }

    /// <summary>The results this sweep read for <paramref name="place"/>, taken so that nothing uses them again; null when none are recent.</summary>
    public IReadOnlyList<StoredResult>? Take(string place) =>
        _reads.TryRemove(place, out var kept) && Recent(kept.At, _clock.GetUtcNow()) ? kept.Results : null;

    private static bool Recent(DateTimeOffset at, DateTimeOffset now) => now >= at && now - at < KeptFor;

    /// <summary>Drops what no page took (a page that failed, a place whose plan ended): at most once per <see cref="KeptFor"/>.</summary>
    private void ForgetExpired(DateTimeOffset now)
    {
        if (Recent(_lastPurge, now))
        {
            return;
        }

        _lastPurge = now;
        foreach (var (place, kept) in _reads)
        {
            if (!Recent(kept.At, now))
            {
                _reads.TryRemove(place, out _);
            }
        }
    }
}
