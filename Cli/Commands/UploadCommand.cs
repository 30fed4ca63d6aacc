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
        var rules = RulesOutcome.Load(null, new CliConsole(TextWriter.Null, TextWriter.Null, false));
        var unit = unitOption ?? rules?.Coordinator;
        if (unit is null)
        {
            console.Error.WriteLine("--unit: name the sending unit (the rules, which name the plan's coordinator, could not be read).");
            return ExitCodes.Invalid;
        }

        if (unitOption is null)
        {
            console.Error.WriteLine($"Uploading as {unit}, the plan's coordinator; name the sending unit with --unit.");
        }

        if (rules is not null && rules.FindUnit(unit) is null)
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

        using var host = LocalStack.Build(LocalStack.Storage(storage), null, LogLevel.Warning);
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        var reports = host.Services.GetRequiredService<ReportStore>();
        foreach (var path in paths)
        {
            await using var stream = File.OpenRead(path);
            var name = await reports.UploadAsync(unit, path, stream, cancellationToken);
            console.Out.WriteLine($"Uploaded {path} to {StorageNames.ReportsContainer}/{name}");
        }

        return ExitCodes.Success;
    }
}
