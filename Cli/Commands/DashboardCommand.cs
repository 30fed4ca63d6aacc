using GenderPlan.Core.Calendar;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan dashboard [--storage CONN | REPORT... --rules PATH] --out DIR [--jurisdiction ID]</c>: the
/// scorecard page as <c>DIR/index.html</c>, from the stored results or offline from report files. From storage
/// without <c>--jurisdiction</c>, the whole site: every place's page, per period, and the files they link to.
/// </summary>
public static class DashboardCommand
{
    /// <summary>The options of one <c>dashboard</c> call.</summary>
    /// <param name="Reports">Report files or folders; none means "from storage".</param>
    /// <param name="Rules">The rules folder for offline mode.</param>
    /// <param name="Storage">The storage connection string.</param>
    /// <param name="Out">The folder to write <c>index.html</c> to.</param>
    /// <param name="Jurisdiction">The place; default: the plan's district.</param>
    public sealed record Options(IReadOnlyList<string> Reports, string? Rules, string? Storage, string Out, string? Jurisdiction);

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(Options options, CliConsole console, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (options.Reports.Count == 0 && options.Jurisdiction is null)
        {
            return await WriteSiteAsync(options, console, cancellationToken);
        }

        var (input, exit) = options.Reports.Count > 0
            ? Offline(options, console, clock)
            : (await FromStorageAsync(options, console, cancellationToken), ExitCodes.Success);
        if (input is null)
        {
            return ExitCodes.Invalid;
        }

        Directory.CreateDirectory(options.Out);
        var path = Path.Combine(options.Out, "index.html");
        await File.WriteAllTextAsync(path, DashboardRenderer.Render(input), cancellationToken);
        console.Out.WriteLine($"Wrote {path}: {input.Plan.Id}, {input.Jurisdiction}, {input.Results.Count} result(s).");
        return exit;
    }

    /// <summary>
    /// The whole site from storage: the district's page as <c>index.html</c>, every commune's page, each place's page per
    /// period and the province report files the district's page links to, so every link in the folder opens a file.
    /// </summary>
    private static async Task<int> WriteSiteAsync(Options options, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(options.Storage), null, LogLevel.Warning);
        if (await host.Services.GetRequiredService<ActiveRules>().GetAsync(cancellationToken) is not { } rules)
        {
            console.Error.WriteLine("No rules are active in that storage account: publish them first (genderplan rules publish).");
            return ExitCodes.Invalid;
        }

        var pages = await host.Services.GetRequiredService<DashboardPublisher>().RenderSiteAsync(cancellationToken);
        Directory.CreateDirectory(options.Out);
        foreach (var page in pages)
        {
            await File.WriteAllTextAsync(Path.Combine(options.Out, page.Name), page.Html, cancellationToken);
        }

        var site = host.Services.GetRequiredService<SiteStore>();
        var files = 0;
        foreach (var district in rules.Districts())
        {
            foreach (var file in await site.ListProvinceReportsAsync(district, cancellationToken))
            {
                var path = Path.Combine(options.Out, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, await site.ReadFileAsync(file.Path, cancellationToken), cancellationToken);
                files++;
            }
        }

        console.Out.WriteLine($"Wrote {Path.Combine(options.Out, "index.html")} and {pages.Count - 1} more page(s){(files > 0 ? $" and {files} province report file(s)" : "")}.");
        return ExitCodes.Success;
    }

    private static (DashboardInput? Input, int Exit) Offline(Options options, CliConsole console, TimeProvider clock)
    {
        var rules = RulesOutcome.Load(options.Rules, console);
        if (rules is null)
        {
            return (null, ExitCodes.Invalid);
        }

        var (cards, rejected) = ReportFiles.Score(options.Reports, rules, console, "rejected, left out of the page");
        var exit = rejected ? ExitCodes.Invalid : ExitCodes.Success;
        var plan = cards.Count > 0 ? rules.Plans.First(candidate => candidate.Id == cards[0].PlanId) : rules.Plans[^1];
        var jurisdiction = options.Jurisdiction ?? plan.District.Id;
        if (!plan.HasJurisdiction(jurisdiction))
        {
            console.Error.WriteLine($"--jurisdiction: '{jurisdiction}' is not in plan {plan.Id}.");
            return (null, ExitCodes.Invalid);
        }

        var now = clock.GetUtcNow();
        return (OfflineDashboard.Build(rules, plan, jurisdiction, cards, now, ReportingCalendar.VietnamDate(now)), exit);
    }

    private static async Task<DashboardInput?> FromStorageAsync(Options options, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = LocalStack.Build(LocalStack.Storage(options.Storage), null, LogLevel.Warning);
        var rules = await host.Services.GetRequiredService<ActiveRules>().GetAsync(cancellationToken);
        if (rules is null)
        {
            console.Error.WriteLine("No rules are active in that storage account: publish them first (genderplan rules publish).");
            return null;
        }

        var jurisdiction = options.Jurisdiction ?? rules.Plans[^1].District.Id;
        var input = await host.Services.GetRequiredService<DashboardPublisher>().BuildAsync(jurisdiction, PageLinks.Published, cancellationToken);
        if (input is null)
        {
            console.Error.WriteLine($"No plan covers '{jurisdiction}'.");
        }

        return input;
    }
}
