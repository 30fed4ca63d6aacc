using System.CommandLine;
using GenderPlan.Cli.Commands;
using GenderPlan.Core.Domain;

namespace GenderPlan.Cli;

/// <summary>The command tree of <c>genderplan</c>. Parsing errors exit with 2, like any invalid input.</summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    public static int Run(string[] args, CliConsole console) => RunAsync(args, console).GetAwaiter().GetResult();

    /// <summary>Parses <paramref name="args"/> and runs the command they name with <paramref name="clock"/> as today (tests).</summary>
    public static int Run(string[] args, CliConsole console, TimeProvider clock) => RunAsync(args, console, clock).GetAwaiter().GetResult();

    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider? clock = null)
    {
        var root = Build(console, clock ?? TimeProvider.System);
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

        // Signals are the generic host's to handle (serve stops through its lifetime); the other commands are short.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null });
    }

    private static RootCommand Build(CliConsole console, TimeProvider clock)
    {
        var root = new RootCommand("GenderPlan: score gender-equality action plan reports against the plan's rules.");
        root.Add(Score(console));
        root.Add(Rules(console));
        root.Add(Template(console, clock));
        root.Add(Serve(console));
        root.Add(Upload(console));
        root.Add(Links(console));
        root.Add(Scorecard(console));
        root.Add(Dashboard(console));
        root.Add(Report(console));
        root.Add(Plan(console));
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
                result.GetValue(language) == "en" ? Language.English : Language.Vietnamese,
                result.GetResult(language) is { Implicit: false } && result.GetValue(language) == "vi" ? Language.Vietnamese : Language.English),
            console));
        return command;
    }

    private static Command Rules(CliConsole console)
    {
        var path = new Argument<string?>("PATH") { Description = "The rules folder; default: the repository's Rules/.", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Validate the rules and units files; exit 0, or 2 listing every problem.") { path };
        check.SetAction(result => RulesCheckCommand.Run(result.GetValue(path), console));
        var publishPath = new Argument<string?>("DIR") { Description = "The rules folder; default: the repository's Rules/.", Arity = ArgumentArity.ZeroOrOne };
        var storage = StorageOption();
        var publish = new Command("publish", "Validate the rules, then upload them to the rules container.") { publishPath, storage };
        publish.SetAction((result, token) => RulesPublishCommand.RunAsync(result.GetValue(publishPath), result.GetValue(storage), console, token));
        var previewPath = new Argument<string?>("DIR") { Description = "The proposed rules folder; default: the repository's Rules/.", Arity = ArgumentArity.ZeroOrOne };
        var previewStorage = StorageOption();
        var previewJson = new Option<bool>("--json") { Description = "Print JSON." };
        var preview = new Command("preview", "Validate proposed rules and list which stored verdicts they would change and who would be told; nothing is stored or sent.")
        {
            previewPath, previewStorage, previewJson,
        };
        preview.SetAction((result, token) => RulesPreviewCommand.RunAsync(result.GetValue(previewPath), result.GetValue(previewStorage), result.GetValue(previewJson), console, token));
        var historyStorage = StorageOption();
        var historyJson = new Option<bool>("--json") { Description = "Print JSON." };
        var history = new Command("history", "Every rules version that was active, newest first, with time, author and what it changed.") { historyStorage, historyJson };
        history.SetAction((result, token) => RulesHistoryCommand.HistoryAsync(result.GetValue(historyStorage), result.GetValue(historyJson), console, token));
        var version = new Argument<string>("VERSION") { Description = "The version to make active again (its first 6 or more characters, as history prints it)." };
        var rollbackStorage = StorageOption();
        var rollback = new Command("rollback", "Make an earlier rules version active again, as a new entry in the history.") { version, rollbackStorage };
        rollback.SetAction((result, token) => RulesHistoryCommand.RollbackAsync(result.GetValue(version)!, result.GetValue(rollbackStorage), console, token));
        return new Command("rules", "Work with the rules.") { check, publish, preview, history, rollback };
    }

    private static Option<string?> StorageOption() =>
        new("--storage") { Description = $"Storage connection string; default: ${LocalStack.StorageVariable}, else {LocalStack.DevelopmentStorage}." };

    private static Command Serve(CliConsole console)
    {
        var storage = StorageOption();
        var outbox = new Option<string>("--outbox") { Description = "Folder for .eml files when SendGrid is not configured.", DefaultValueFactory = _ => "outbox" };
        var once = new Option<bool>("--once") { Description = "Process everything pending, then exit." };
        var interval = new Option<int>("--interval") { Description = "Seconds between polls of the containers.", DefaultValueFactory = _ => 2 };
        var http = new Option<string>("--http") { Description = "host:port for the HTTP endpoints (scorecard page, API, health).", DefaultValueFactory = _ => Workflow.Hosting.LocalHost.DefaultAddress };
        var command = new Command("serve", "Run the workflow on this machine: watch the rules and reports containers, run the timers and serve the HTTP endpoints.")
        {
            storage, outbox, once, interval, http,
        };
        command.SetAction((result, token) => ServeCommand.RunAsync(
            new ServeCommand.Options(result.GetValue(storage), result.GetValue(outbox) ?? "outbox", result.GetValue(once), Math.Max(1, result.GetValue(interval)), result.GetValue(http) ?? Workflow.Hosting.LocalHost.DefaultAddress),
            console,
            token));
        return command;
    }

    private static Command Links(CliConsole console)
    {
        var unit = new Option<string?>("--unit") { Description = "Only this unit's link." };
        var baseUrl = new Option<string?>("--base") { Description = "The address officials open (the Functions app, or the local host); default: GenderPlan__Uploads__PublicUrl, else http://127.0.0.1:7071." };
        var rotate = new Option<string?>("--rotate") { Description = "Replace this unit's link: every earlier link of the unit stops working at once." };
        var storage = StorageOption();
        var command = new Command("links", "Print each unit's upload link (ID<TAB>URL). Tokens are kept only as hashes, so a link is printed once, when it is made; --rotate ID makes a new one.")
        {
            unit, baseUrl, rotate, storage,
        };
        command.SetAction((result, token) => LinksCommand.RunAsync(
            new LinksCommand.Options(result.GetValue(unit), result.GetValue(baseUrl), result.GetValue(rotate), result.GetValue(storage)), console, token));
        return command;
    }

    private static Command Upload(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Report files or folders.", Arity = ArgumentArity.OneOrMore };
        var unit = new Option<string?>("--unit") { Description = "The sending unit's id (yte, gddt, ...); default: the plan's coordinator." };
        var storage = StorageOption();
        var command = new Command("upload", "Upload report files to the reports container as reports/{unit}/{file}.") { files, unit, storage };
        command.SetAction((result, token) => UploadCommand.RunAsync(result.GetValue(files) ?? [], result.GetValue(unit), result.GetValue(storage), console, token));
        return command;
    }

    private static Command Scorecard(CliConsole console)
    {
        var period = new Option<string>("--period") { Description = "YYYY or YYYY-H1.", Required = true };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "The place; default: the district of the plan covering the period (when the rules hold one)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var storage = StorageOption();
        var command = new Command("scorecard", "Show the stored results of a place and period.") { period, jurisdiction, json, storage };
        command.SetAction((result, token) => ScorecardCommand.RunAsync(result.GetValue(period)!, result.GetValue(jurisdiction), result.GetValue(json), result.GetValue(storage), console, token));
        return command;
    }

    private static Command Dashboard(CliConsole console)
    {
        var reports = new Argument<string[]>("REPORT") { Description = "Report files or folders to build the page from offline; none: from storage.", Arity = ArgumentArity.ZeroOrMore };
        var rules = RulesOption();
        var storage = StorageOption();
        var output = new Option<string>("--out") { Description = "The folder to write index.html to.", Required = true };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "The place; default: the plan's district." };
        var command = new Command("dashboard", "Write the scorecard page (DIR/index.html) from the stored results, or offline from report files.")
        {
            reports, rules, storage, output, jurisdiction,
        };
        command.SetAction((result, token) => DashboardCommand.RunAsync(
            new DashboardCommand.Options(result.GetValue(reports) ?? [], result.GetValue(rules), result.GetValue(storage), result.GetValue(output)!, result.GetValue(jurisdiction)),
            console,
            TimeProvider.System,
            token));
        return command;
    }

    private static Command Report(CliConsole console)
    {
        var period = new Option<string>("--period")
        {
            Description = "YYYY (the annual report) or YYYY-H1 (the first half); a span of years YYYY-YYYY from the plan's first year is a review: " +
                "the whole plan (2016-2020) the final review (tổng kết), an earlier end (2016-2018) the mid-term review (sơ kết).",
            Required = true,
        };
        var adHoc = new Option<bool>("--ad-hoc") { Description = "A report on request (báo cáo đột xuất) for the period or any span of years; its opening cites --request." };
        var request = new Option<string?>("--request") { Description = "With --ad-hoc: the document asking for the report, as the opening cites it (\"Công văn số 123/SLĐTBXH-BĐG ngày 02/3/2020 của Sở ...\"); left as a highlighted placeholder when absent." };
        var date = new Option<string?>("--date") { Description = "The date on the document, YYYY-MM-DD; default: today (Vietnam time). The number is left for the văn thư to give." };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "The district; default: the district of the plan covering the period (when the rules hold one)." };
        var format = new Option<string>("--format") { Description = "xlsx (the filled indicator workbook) or docx (the Word draft).", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "docx");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var reports = new Argument<string[]>("REPORT") { Description = "Report files or folders to build the report from offline; none: from storage.", Arity = ArgumentArity.ZeroOrMore };
        var rules = RulesOption();
        var storage = StorageOption();
        var command = new Command("report", "Write the report the district sends up to the province: the filled workbook (xlsx) or the Word draft (docx), from the stored results or offline from report files.")
        {
            period, adHoc, request, date, jurisdiction, format, output, reports, rules, storage,
        };
        command.SetAction((result, token) => ReportCommand.RunAsync(
            new ReportCommand.Options(
                result.GetValue(period)!, result.GetValue(jurisdiction), result.GetValue(format) ?? "xlsx", result.GetValue(output)!, result.GetValue(reports) ?? [], result.GetValue(rules), result.GetValue(storage),
                result.GetValue(adHoc), result.GetValue(request), result.GetValue(date)),
            console,
            TimeProvider.System,
            token));
        return command;
    }

    private static Command Plan(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "The strategy's workflow file, e.g. Rules/strategy/nq-28-2021-2030.workflow.json; offices.json beside it names who coordinates at each level.", Required = true };
        var place = new Option<string>("--place") { Description = "The id or code of the province or commune the plan is for (a row of --places).", Required = true };
        var name = new Option<string?>("--name") { Description = "The plan's title; default: made from the strategy's and the place's names." };
        var places = new Option<string?>("--places") { Description = "A CSV of places with the columns code, name, level, parent (and optionally id), as the statistics office's code list; the plan covers the place and the places whose parent it is." };
        var level = new Option<string>("--level") { Description = "Without --places: the place's level, commune or province.", DefaultValueFactory = _ => "commune" };
        level.AcceptOnlyFromAmong("commune", "province");
        var output = new Option<string>("--out") { Description = "The folder to write the plan's workflow file and units.json to (created; must not hold rules already).", Required = true };
        var create = new Command("new", "Start a province's or commune's plan from the national strategy: its years, deadlines, indicators and milestones, its places, and the office that coordinates it. The files pass 'rules check'.")
        {
            from, place, name, places, level, output,
        };
        create.SetAction(result => PlanNewCommand.Run(
            new PlanNewCommand.Options(result.GetValue(from)!, result.GetValue(place)!, result.GetValue(name), result.GetValue(places), result.GetValue(level) ?? "commune", result.GetValue(output)!),
            console));
        return new Command("plan", "Start a plan.") { create };
    }

    private static Command Template(CliConsole console, TimeProvider clock)
    {
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "The file to write; default: print CSV." };
        var period = new Option<string?>("--period") { Description = "Fill in the period (YYYY or YYYY-H1); default: the period due today." };
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
            console,
            clock));
        return command;
    }
}
