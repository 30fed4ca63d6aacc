using GenderPlan.Core.Rules;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan rules publish [DIR] [--storage CONN]</c>: validates the rules exactly as the workflow will,
/// and uploads them to the <c>rules</c> container only when they are valid.
/// </summary>
public static class RulesPublishCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(string? path, string? storage, CliConsole console, CancellationToken cancellationToken)
    {
        var directory = RulesLocator.Resolve(path);
        if (RulesOutcome.Load(directory, console) is not { } book)
        {
            console.Error.WriteLine("Nothing was uploaded.");
            return ExitCodes.Invalid;
        }

        using var host = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        var sources = RuleSource.FromDirectory(directory);
        await host.Services.GetRequiredService<RuleSetStore>().PublishAsync(sources, author: null, cancellationToken);
        foreach (var source in sources.OrderBy(source => source.IsUnits ? 0 : 1))
        {
            console.Out.WriteLine($"Uploaded {Path.GetFileName(source.Name)} to {StorageNames.RulesContainer}/");
        }

        console.Out.WriteLine($"Published rules version {book.Version}; it becomes active when the workflow processes the upload.");
        return ExitCodes.Success;
    }
}
