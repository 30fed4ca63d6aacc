using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Documents.Reports;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan template [--format csv|xlsx] [--out FILE] [--period P] [--jurisdiction J]</c>: a blank
/// report listing every indicator code with its Vietnamese name, the period due today filled in unless another is given.
/// </summary>
public static class TemplateCommand
{
    /// <summary>The options of one <c>template</c> call.</summary>
    /// <param name="Format">csv or xlsx.</param>
    /// <param name="Out">The file to write, or null for standard output (CSV only).</param>
    /// <param name="Period">A period to fill in, or null.</param>
    /// <param name="Jurisdiction">A jurisdiction to fill in, or null.</param>
    /// <param name="Rules">The rules folder, or null for the default.</param>
    /// <param name="Plan">The plan id, or null for the plan of the period (or the latest plan).</param>
    public sealed record Options(string Format, string? Out, string? Period, string? Jurisdiction, string? Rules, string? Plan);

    /// <summary>Runs the command: the period is the one given, else the one due today by the plan's calendar.</summary>
    /// <param name="options">The options.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="clock">Today, for the period due when <c>--period</c> is not given.</param>
    public static int Run(Options options, CliConsole console, TimeProvider clock)
    {
        Period? period = null;
        if (options.Period is not null)
        {
            if (!Period.TryParse(options.Period, out var parsed))
            {
                console.Error.WriteLine($"--period: '{options.Period}' is not a period; write YYYY or YYYY-H1.");
                return ExitCodes.Invalid;
            }

            period = parsed;
        }

        var rules = RulesOutcome.Load(options.Rules, console);
        if (rules is null)
        {
            return ExitCodes.Invalid;
        }

        period ??= DuePeriod.On(rules, ReportingCalendar.VietnamDate(clock.GetUtcNow()), options.Jurisdiction);
        var plan = options.Plan is not null
            ? rules.Plans.FirstOrDefault(candidate => candidate.Id == options.Plan)
            : period is { } known ? rules.PlansCovering(known).FirstOrDefault() : rules.Plans[^1];
        if (plan is null)
        {
            console.Error.WriteLine(options.Plan is not null
                ? $"--plan: no plan '{options.Plan}'; the plans are {string.Join(", ", rules.Plans.Select(candidate => candidate.Id))}."
                : $"--period: no plan covers {period}.");
            return ExitCodes.Invalid;
        }

        if (options.Jurisdiction is not null && !plan.HasJurisdiction(options.Jurisdiction))
        {
            console.Error.WriteLine($"--jurisdiction: '{options.Jurisdiction}' is not in plan {plan.Id}; use one of {string.Join(", ", plan.Jurisdictions.Select(place => place.Id))}.");
            return ExitCodes.Invalid;
        }

        var rows = ReportTemplate.Rows(plan, period, options.Jurisdiction);
        if (options.Format == "xlsx" && options.Out is null)
        {
            console.Error.WriteLine("--format xlsx needs --out FILE: a workbook cannot be printed.");
            return ExitCodes.Invalid;
        }

        if (options.Out is null)
        {
            using var buffer = new MemoryStream();
            ReportTemplate.WriteCsv(rows, buffer);
            console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray().AsSpan(3)));
            return ExitCodes.Success;
        }

        using (var file = File.Create(options.Out))
        {
            if (options.Format == "xlsx")
            {
                ReportTemplateWorkbook.Write(plan, period, options.Jurisdiction, file);
            }
            else
            {
                ReportTemplate.WriteCsv(rows, file);
            }
        }

        console.Error.WriteLine($"Wrote {options.Out}: plan {plan.Id}, {rows.Count - 1} indicators, period {(period is { } written ? written.ToString() : "left blank")}.");
        return ExitCodes.Success;
    }
}
