using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GenderPlan.Benchmarks;

/// <summary>
/// Counts every storage HTTP request (each retry too) by what it touches: <c>table Results</c>, <c>blob $web</c>, with
/// the HTTP method, and by the phase the caller is in (<see cref="Phase"/>, carried by the async flow, so the requests
/// of a commune's report and a department's report processed side by side are told apart). A table batch
/// (<c>$batch</c>) is counted under the table its operations name.
/// </summary>
internal sealed partial class StorageRequestCounter : HttpPipelinePolicy
{
    private static readonly AsyncLocal<string?> CurrentPhase = new();
    private readonly int _tablePort;
    private readonly ConcurrentDictionary<(string Phase, string Target, string Method), int> _counts = new();
    private long _ticks;

    public StorageRequestCounter(string connectionString)
    {
        // Requests to the table endpoint's port are table requests; everything else here is Blob (the queue is unused).
        var table = Regex.Match(connectionString, @"TableEndpoint=http://[^:]+:(\d+)/");
        _tablePort = table.Success ? int.Parse(table.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>The phase requests made from this async flow are counted under, until set again.</summary>
    public static string? Phase
    {
        get => CurrentPhase.Value;
        set => CurrentPhase.Value = value;
    }

    /// <summary>Time spent inside storage requests, summed.</summary>
    public TimeSpan Time => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>Requests of one phase by target, with the method split.</summary>
    public IReadOnlyList<(string Target, int Requests, string Methods)> ByTarget(string phase) =>
        [.. _counts.Where(entry => entry.Key.Phase == phase)
            .GroupBy(entry => entry.Key.Target)
            .Select(group => (group.Key, group.Sum(entry => entry.Value), string.Join(", ", group.OrderByDescending(entry => entry.Value).Select(entry => $"{entry.Key.Method} {entry.Value}"))))
            .OrderByDescending(entry => entry.Item2)];

    /// <summary>All requests of one phase.</summary>
    public int Total(string phase) => _counts.Where(entry => entry.Key.Phase == phase).Sum(entry => entry.Value);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        Record(message, started);
    }

    private void Record(HttpMessage message, long started)
    {
        Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(started).Ticks);
        var target = Target(message);
        _counts.AddOrUpdate((Phase ?? "other", target, message.Request.Method.ToString()), 1, (_, count) => count + 1);
    }

    private string Target(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);

        // Azurite's paths start with the account name.
        var first = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "(account)";
        if (uri.Port != _tablePort)
        {
            return $"blob {first}";
        }

        if (first == "$batch")
        {
            return $"table {BatchTable(message) ?? "?"} (batch)";
        }

        var name = first.Split('(')[0];
        return $"table {name}";
    }

    private static string? BatchTable(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        var match = BatchOperation().Match(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:POST|PUT|PATCH|MERGE|DELETE|GET) https?://[^/]+/[^/]+/([A-Za-z0-9]+)")]
    private static partial Regex BatchOperation();
}
