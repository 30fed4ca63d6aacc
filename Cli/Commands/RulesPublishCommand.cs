using Azure.Storage.Blobs.Models;
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

        await using var provider = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        var clients = provider.GetRequiredService<StorageClients>();
        await clients.EnsureCreatedAsync(cancellationToken);
        var container = clients.Container(StorageNames.RulesContainer);
        // Units first: a workflow that names a new unit must not arrive before the unit does.
        foreach (var source in RuleSource.FromDirectory(directory).OrderBy(source => source.IsUnits ? 0 : 1))
        {
            await container.GetBlobClient(source.Name).UploadAsync(BinaryData.FromBytes(source.Content), new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { ["uploader"] = Environment.UserName },
            }, cancellationToken);
            console.Out.WriteLine($"Uploaded {source.Name} to {StorageNames.RulesContainer}/");
        }

        console.Out.WriteLine($"Published rules version {book.Version}; it becomes active when the workflow processes the upload.");
        return ExitCodes.Success;
    }
}
