using Azure.Storage.Blobs.Models;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan upload FILE... [--unit ID] [--storage CONN]</c>: uploads reports as
/// <c>reports/{unit}/{file}</c>, the way a unit's officer does in Storage Explorer.
/// </summary>
public static class UploadCommand
{
    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> files, string? unitOption, string? storage, CliConsole console, CancellationToken cancellationToken)
    {
        var unit = unitOption ?? new WorkflowOptions().CoordinatorUnit;
        if (unitOption is null)
        {
            console.Error.WriteLine($"Uploading as {unit}, the plan's coordinator; name the sending unit with --unit.");
        }

        if (RulesOutcome.Load(null, new CliConsole(TextWriter.Null, TextWriter.Null, false)) is { } rules && rules.FindUnit(unit) is null)
        {
            console.Error.WriteLine($"--unit: '{unit}' is not in units.json; use one of {string.Join(", ", rules.Units.Select(known => known.Id))}.");
            return ExitCodes.Invalid;
        }

        var paths = ReportFiles.Expand(files).ToList();
        var missing = paths.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0 || paths.Count == 0)
        {
            console.Error.WriteLine(paths.Count == 0 ? "No file to upload." : $"Not found: {string.Join(", ", missing)}");
            return ExitCodes.Invalid;
        }

        await using var provider = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        var clients = provider.GetRequiredService<StorageClients>();
        await clients.EnsureCreatedAsync(cancellationToken);
        var container = clients.Container(StorageNames.ReportsContainer);
        foreach (var path in paths)
        {
            var name = $"{unit}/{Path.GetFileName(path)}";
            await using var stream = File.OpenRead(path);
            await container.GetBlobClient(name).UploadAsync(stream, new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { ["unit"] = unit, ["uploader"] = Environment.UserName },
            }, cancellationToken);
            console.Out.WriteLine($"Uploaded {path} to {StorageNames.ReportsContainer}/{name}");
        }

        return ExitCodes.Success;
    }
}
