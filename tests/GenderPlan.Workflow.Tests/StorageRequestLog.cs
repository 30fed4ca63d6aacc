using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Every storage request the product's own clients send, as "METHOD path" and, when there is one, " query" (both
/// unescaped, so a filter reads as written): what the cost tests count and look into.
/// </summary>
internal sealed class StorageRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>Puts this log on every Azure client of <paramref name="services"/>: pass it as a pipeline's <c>configure</c>.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(this, HttpPipelinePosition.PerCall)));

    public void Clear() => _requests.Clear();

    public IReadOnlyList<string> Snapshot() => [.. _requests];

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
        _requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}{(query.Length == 0 ? "" : " " + query)}");
    }
}
