using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Every storage request the product's own clients send, as "METHOD path" and, when there is one, " query" (both
/// unescaped, so a filter reads as written): what the cost tests count and look into. Given the account's connection
/// string, each is also counted by what it touches (<c>table Uploads</c>, <c>table FollowUps (batch)</c>, <c>blob
/// reports</c>), a batch under the table its operations name.
/// </summary>
internal sealed partial class StorageRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Line, string Target, string Method)> _requests = new();
    private readonly int? _tablePort;

    /// <summary>A log of requests as lines only.</summary>
    public StorageRequestLog()
    {
    }

    /// <summary>A log that also tells table requests from blob ones, by the table endpoint's port in <paramref name="connectionString"/>.</summary>
    public StorageRequestLog(string connectionString)
    {
        var table = TableEndpoint().Match(connectionString);
        _tablePort = table.Success ? int.Parse(table.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException("no table endpoint with a port", nameof(connectionString));
    }

    /// <summary>Puts this log on every Azure client of <paramref name="services"/>: pass it as a pipeline's <c>configure</c>.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(this, HttpPipelinePosition.PerCall)));

    public void Clear() => _requests.Clear();

    public IReadOnlyList<string> Snapshot() => [.. _requests.Select(request => request.Line)];

    /// <summary>How many requests touched <paramref name="target"/> with <paramref name="method"/> (a log made with the connection string).</summary>
    public int Count(string target, string method) => _requests.Count(request => request.Target == target && request.Method == method);

    /// <summary>Every target and method with its count, for an assertion's message.</summary>
    public string Describe() => string.Join(", ", _requests.GroupBy(request => (request.Target, request.Method)).Select(group => $"{group.Key.Target} {group.Key.Method} {group.Count()}"));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        var query = Uri.UnescapeDataString(message.Request.Uri.Query);
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        _requests.Enqueue(($"{message.Request.Method} {path}{(query.Length == 0 ? "" : " " + query)}", TargetOf(message, path), message.Request.Method.ToString()));
    }

    private string TargetOf(HttpMessage message, string path)
    {
        if (_tablePort is not { } tablePort)
        {
            return "";
        }

        // Azurite's paths start with the account: /devstoreaccount1/Uploads(...), /devstoreaccount1/reports/po-ko/...
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 1 ? segments[1] : "";
        return message.Request.Uri.Port != tablePort ? $"blob {first}"
            : first == "$batch" ? $"table {BatchTable(message)} (batch)"
            : $"table {first.Split('(')[0]}";
    }

    private static string BatchTable(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return "?";
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        var match = BatchOperation().Match(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return match.Success ? match.Groups[1].Value : "?";
    }

    [GeneratedRegex(@"TableEndpoint=https?://[^:/]+:(\d+)/")]
    private static partial Regex TableEndpoint();

    [GeneratedRegex(@"(?:POST|PUT|PATCH|MERGE|DELETE|GET) https?://[^/]+/[^/]+/([A-Za-z0-9]+)")]
    private static partial Regex BatchOperation();
}
