using System.CommandLine;
using GenderPlan.Cli.Commands;
using GenderPlan.Core.Domain;

namespace GenderPlan.Cli;

/// <summary>The command tree of <c>genderplan</c>. Parsing errors exit with 2, like any invalid input.</summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var root = Build(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine(error.Message);
            }

            console.Error.WriteLine("Run 'genderplan --help' for usage.");
            return ExitCodes.Invalid;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }

    private static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("GenderPlan: score gender-equality action plan reports against the plan's rules.");
        root.Add(Score(console));
        root.Add(Rules(console));
        root.Add(Template(console));
        return root;
    }

    private static Option<string?> RulesOption() =>
        new("--rules") { Description = "The rules folder (units.json and *.workflow.json); default: the repository's Rules/." };

    private static Command Score(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Report files (.csv, .xlsx, .json) or folders of them.", Arity = ArgumentArity.OneOrMore };
        var rules = RulesOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var language = new Option<string>("--lang") { Description = "Language of the table: vi or en.", DefaultValueFactory = _ => "vi" };
        language.AcceptOnlyFromAmong("vi", "en");
        var command = new Command("score", "Score report files against the rules. Exit 0: nothing falls behind; 1: something does; 2: invalid input.")
        {
            files, rules, json, language,
        };
        command.SetAction(result => ScoreCommand.Run(
            new ScoreCommand.Options(
                result.GetValue(files) ?? [],
                result.GetValue(rules),
                result.GetValue(json),
                result.GetValue(language) == "en" ? Language.English : Language.Vietnamese),
            console));
        return command;
    }

    private static Command Rules(CliConsole console)
    {
        var path = new Argument<string?>("PATH") { Description = "The rules folder; default: the repository's Rules/.", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Validate the rules and units files; exit 0, or 2 listing every problem.") { path };
        check.SetAction(result => RulesCheckCommand.Run(result.GetValue(path), console));
        return new Command("rules", "Work with the rules.") { check };
    }

    private static Command Template(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "The file to write; default: print CSV." };
        var period = new Option<string?>("--period") { Description = "Fill in the period (YYYY or YYYY-H1)." };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "Fill in the jurisdiction id." };
        var plan = new Option<string?>("--plan") { Description = "The plan id; default: the plan of --period, or the latest." };
        var rules = RulesOption();
        var command = new Command("template", "Write a blank report with every indicator code and its Vietnamese name.")
        {
            format, output, period, jurisdiction, plan, rules,
        };
        command.SetAction(result => TemplateCommand.Run(
            new TemplateCommand.Options(
                result.GetValue(format) ?? "csv",
                result.GetValue(output),
                result.GetValue(period),
                result.GetValue(jurisdiction),
                result.GetValue(rules),
                result.GetValue(plan)),
            console));
        return command;
    }
}
