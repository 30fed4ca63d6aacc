using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan links [--unit ID] [--base URL] [--rotate ID] [--storage CONN]</c>: each unit's upload link, one
/// line <c>ID&lt;TAB&gt;URL</c> per link made now. Only the token's hash is stored, so a link can be printed only
/// when it is made: a unit that has one already is named on standard error with the date it was made, and
/// <c>--rotate ID</c> replaces it (the old link stops working at once).
/// </summary>
public static class LinksCommand
{
    /// <summary>Where links point when nothing else is said: the local host's default address.</summary>
    public const string DefaultBase = "http://127.0.0.1:7071";

    /// <summary>The options of one call.</summary>
    /// <param name="Unit">Only this unit, or null for all.</param>
    /// <param name="Base">The address officials open, or null for the configured one.</param>
    /// <param name="Rotate">The unit whose link to replace, or null.</param>
    /// <param name="Storage">The storage connection string, or null for the default.</param>
    public sealed record Options(string? Unit, string? Base, string? Rotate, string? Storage);

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(Options options, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(options.Storage), null, LogLevel.Warning);
        var baseUrl = options.Base ?? host.Services.GetRequiredService<IOptions<UploadOptions>>().Value.PublicUrl ?? DefaultBase;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            console.Error.WriteLine($"--base: '{baseUrl}' is not an http(s) address.");
            return ExitCodes.Invalid;
        }

        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
        RuleBook rules;
        try
        {
            // Rules just published are activated here if no trigger has done it yet: the links are for their units.
            rules = await host.Services.GetRequiredService<RulesIntake>().RequireActiveAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            console.Error.WriteLine("No valid rules in this storage account: run 'genderplan rules publish' first; the links are for the units of the active units.json.");
            return ExitCodes.Invalid;
        }

        var wanted = options.Rotate ?? options.Unit;
        if (wanted is not null && rules.FindUnit(wanted) is null)
        {
            console.Error.WriteLine($"'{wanted}' is not in units.json; use one of {string.Join(", ", rules.Units.Select(known => known.Id))}.");
            return ExitCodes.Invalid;
        }

        var tokens = host.Services.GetRequiredService<UploadTokenStore>();
        foreach (var unit in rules.Units.Where(unit => wanted is null || unit.Id == wanted))
        {
            if (unit.Group is not null)
            {
                // A group is a list address: its members report, each with its own link.
                console.Error.WriteLine($"{unit.Id}: a group of units, which sends no report itself; each member has its own link.");
                continue;
            }

            if (options.Rotate is not null)
            {
                var revoked = await tokens.RevokeAsync(unit.Id, cancellationToken);
                console.Error.WriteLine($"{unit.Id}: {revoked} earlier link(s) no longer work.");
            }
            else if (await tokens.StandingSinceAsync(unit.Id, cancellationToken) is { } since)
            {
                console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{unit.Id}: has a link since {since.ToOffset(TimeSpan.FromHours(7)):yyyy-MM-dd HH:mm} (Vietnam time); it cannot be shown again. To send a new one: genderplan links --rotate {unit.Id}"));
                continue;
            }

            var issued = await tokens.IssueAsync(unit.Id, UploadTokenStore.StandingPurpose, null, cancellationToken);
            console.Out.WriteLine($"{unit.Id}\t{UploadLinks.For(baseUrl, unit.Id, issued.Token)}");
        }

        return ExitCodes.Success;
    }
}
