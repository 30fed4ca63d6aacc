using System.Text.RegularExpressions;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.Email;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// The page and the emails as people get them: text from uploaded files (report file names, and names in the
/// rules and the units directory, which officials upload too) is escaped in HTML, kept as written in plain
/// text, and never read as template syntax; statuses look the same everywhere.
/// </summary>
public partial class RenderedOutputTests
{
    // "{{ place }}" and "{{ subject }}" are names the templates really use: were text from a file ever parsed as
    // a template, they would print the place or the subject instead of themselves; "{% raw %}" would not parse.
    private const string Hostile = "<script>alert('x')</script> \"q\" {{ place }} {{ subject }} {% raw %} & é";

    private const string HostileInHtml = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;q&quot; {{ place }} {{ subject }} {% raw %} &amp; é";

    private static readonly Lazy<RuleBook> HostileRules = new(() =>
    {
        var workflow = TestRules.WorkflowJson();
        var name = TestRules.Rule(workflow, "G3.1")["Properties"]!["name"]!.AsObject();
        name["vi"] = Hostile;
        name["en"] = Hostile;
        var units = TestRules.UnitsJson();
        var education = units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "gddt")!;
        education["name"] = Hostile;
        education["nameEn"] = Hostile;
        var loaded = TestRules.Load(workflow, units);
        return loaded.RuleBook ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
    });

    [Fact]
    public void Text_from_files_is_escaped_on_the_page_and_never_read_as_a_template()
    {
        var rules = HostileRules.Value;
        var plan = rules.Plans[0];
        var card = Scorer.Score(new Report("r.csv", Period.Annual(2019), "dak-to", plan, [new ReportedValue(plan.FindIndicator("G3.1")!, Measurement.Of(97.2m), 2, Hostile)]));
        var input = OfflineDashboard.Build(rules, plan, "dak-to", [card], DateTimeOffset.UnixEpoch, new DateOnly(2020, 1, 1)) with
        {
            Reports = [new DashboardReport(Period.Annual(2019), null, Hostile + ".csv", null, null), new DashboardReport(Period.Annual(2019), Hostile, "x.csv", null, true)],
            OtherPages = [(Hostile, Hostile + ".html")],
        };

        var html = DashboardRenderer.Render(input);

        Assert.Single(ScriptTag().Matches(html));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"code\">G3.1</span> <span lang=\"vi\">{HostileInHtml}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<li><span lang=\"vi\">năm 2019</span><span lang=\"en\">2019</span>: {HostileInHtml}.csv</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr data-unit=\"{HostileInHtml}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{HostileInHtml}.html\">{HostileInHtml}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<span lang=\"vi\">{HostileInHtml}</span><span lang=\"en\">{HostileInHtml}</span></dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_files_is_escaped_in_html_email_and_kept_as_written_in_the_text_part()
    {
        foreach (var email in HostileEmails())
        {
            Assert.DoesNotContain("<script>alert", email.Html, StringComparison.Ordinal);
            Assert.Contains(HostileInHtml, email.Html, StringComparison.Ordinal);
            Assert.Contains(Hostile, email.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("&lt;", email.Text, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', email.Subject);
        }
    }

    [Fact]
    public void Text_part_of_every_email_holds_no_markup_and_no_entities()
    {
        var composer = new AlertComposer(TestRules.Book, "https://scorecard.example.org/?a=1&b=2");
        var behind = AlertPlanner.Plan(Card(TestRules.Plan, ("G3.1", 97.2m), ("G2.2", 0m), ("G4.1", 108m)), new Dictionary<string, Status>());
        var recovered = AlertPlanner.Plan(Card(TestRules.Plan, ("G3.1", 98.5m)), new Dictionary<string, Status> { ["G3.1"] = Status.OffTrack });
        var problems = new[] { Messages.NotANumber.At("x.csv", ProblemLocation.Cell(2, "D", "value"), "abc") };
        EmailMessage[] emails =
        [
            .. composer.Alerts(Reference("bao-cao.csv", "Huyện Đăk Tô"), behind),
            .. composer.ResolvedNotices(Reference("bao-cao.csv", "Huyện Đăk Tô"), recovered),
            composer.Reminder("yte", Period.FirstHalf(2020), new DateOnly(2020, 6, 8)),
            composer.Overdue("yte", Period.Annual(2020)),
            composer.Rejected("k", "yte/x.csv", "yte", problems),
            composer.RulesRefused("k", "x.workflow.json", "v1", problems, null),
            composer.ProcessingFailed("k", "yte/x.csv", "yte", "storage fault"),
        ];

        Assert.Equal(9, emails.Length);
        foreach (var email in emails)
        {
            Assert.DoesNotMatch("<[A-Za-z/!][^>]*>", email.Text);
            Assert.DoesNotMatch("&(#[0-9]+|#x[0-9a-fA-F]+|[a-z]+);", email.Text);
            // One letter in one language: no second part after a rule, and one line break at the end.
            Assert.Matches("(?s)^[^\n].*[^\n]\n$", email.Text);
            Assert.DoesNotContain("\n---\n", email.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Status.Met, "met", "Đã đạt", "Met", "✔", "#1b7f3b")]
    [InlineData(Status.OnTrack, "on-track", "Đúng tiến độ", "On track", "➜", "#0b6e8a")]
    [InlineData(Status.FallingBehind, "falling-behind", "Chậm tiến độ", "Falling behind", "▲", "#a15c00")]
    [InlineData(Status.OffTrack, "off-track", "Có nguy cơ không đạt", "Off track", "✖", "#b3261e")]
    [InlineData(Status.Missed, "missed", "Không đạt", "Missed", "■", "#6a1b9a")]
    [InlineData(Status.NotApplicable, "not-applicable", "Không phát sinh", "Not applicable", "–", "#555555")]
    public void Page_shows_each_status_with_the_shared_word_symbol_and_colour(Status status, string word, string vi, string en, string symbol, string colour)
    {
        Assert.Equal(new StatusPresentation(status, word, new LocalizedText(vi, en), symbol, colour), StatusPresentation.Of(status));
        Assert.Equal((word, vi, en, symbol, colour), (status.Word(), status.Vietnamese(), status.English(), AlertComposer.StatusIcon(status), AlertComposer.StatusColour(status)));
        var value = status == Status.NotApplicable ? (decimal?)null : 97m;
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to",
            [new DashboardResult("G3.1", Period.Annual(2018), status, value, new LocalizedText("giải thích", "explanation")),
             new DashboardResult("G3.1", Period.Annual(2019), status, value, new LocalizedText("giải thích", "explanation"))], [], new DateOnly(2020, 1, 1), DateTimeOffset.UnixEpoch, []);

        var html = DashboardRenderer.Render(input);

        Assert.Contains($"--{word}:{colour};", html, StringComparison.Ordinal);
        Assert.Contains($"data-indicator=\"G3.1\" data-status=\"{word}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<dd class=\"status s-{word}\"><span class=\"icon\" aria-hidden=\"true\">{symbol}</span> <span lang=\"vi\">{vi}</span><span lang=\"en\">{en}</span></dd>", html, StringComparison.Ordinal);
        if (value is not null)
        {
            Assert.Matches($"<circle class=\"point s-{word}\" data-period=\"2019\" data-status=\"{word}\" [^>]*fill=\"{colour}\"><title>năm 2019: 97% – {vi} / {en}</title>", html);
        }

        // every status has its column in the goal summary, 0/0 results ("Không phát sinh") included
        Assert.Contains($"<th scope=\"col\" class=\"s-{word}\"><span class=\"icon\" aria-hidden=\"true\">{symbol}</span> <span lang=\"vi\">{vi}</span><span lang=\"en\">{en}</span></th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(97.2, null, Status.FallingBehind)]
    [InlineData(96.0, null, Status.OffTrack)]
    [InlineData(98.5, Status.OffTrack, Status.Met)]
    [InlineData(97.8, Status.FallingBehind, Status.OnTrack)]
    public void Emails_show_each_status_with_the_shared_word_symbol_and_colour(double value, Status? alertedBefore, Status status)
    {
        var shown = StatusPresentation.Of(status);
        var composer = new AlertComposer(TestRules.Book, null);
        var plan = AlertPlanner.Plan(Card(TestRules.Plan, ("G3.1", (decimal)value)), alertedBefore is { } before ? new Dictionary<string, Status> { ["G3.1"] = before } : new Dictionary<string, Status>());

        var email = Assert.Single(alertedBefore is null ? composer.Alerts(Reference("b.csv", "Huyện Đăk Tô"), plan) : composer.ResolvedNotices(Reference("b.csv", "Huyện Đăk Tô"), plan));

        Assert.Contains($"color:{shown.Colour};font-weight:bold\">{shown.Symbol} {shown.Label.Vi}</td>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(shown.Label.En, email.Html, StringComparison.Ordinal);
        Assert.Contains($"đánh giá: {shown.Label.Vi}. ", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(shown.Label.En, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_drawn_alone_is_the_chart_on_the_page()
    {
        var history = new List<DashboardResult>
        {
            new("G3.1", Period.Annual(2017), Status.FallingBehind, 96.6m, new LocalizedText("a", "a")),
            new("G3.1", Period.Annual(2019), Status.Met, 98.2m, new LocalizedText("b", "b")),
        };
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to", history, [], new DateOnly(2020, 1, 1), DateTimeOffset.UnixEpoch, []);

        var chart = ProgressChart.Render(TestRules.Indicator("G3.1"), history);

        Assert.StartsWith("<svg class=\"chart\"", chart, StringComparison.Ordinal);
        Assert.Contains($"<figure>{chart}<figcaption>", DashboardRenderer.Render(input), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_and_emails_rendered_at_the_same_time_come_out_the_same()
    {
        var input = OfflineDashboard.Build(TestRules.Book, TestRules.Plan, "dak-to",
            [Card(TestRules.Plan, ("G3.1", 97.2m), ("G4.1", 108m), ("G2.2", 0m))], DateTimeOffset.UnixEpoch, new DateOnly(2020, 1, 1));
        var composer = new AlertComposer(TestRules.Book, null);
        var plan = AlertPlanner.Plan(Card(TestRules.Plan, ("G3.1", 97.2m), ("G4.1", 108m)), new Dictionary<string, Status>());
        string Both() => DashboardRenderer.Render(input) + string.Concat(composer.Alerts(Reference("b.csv", "Huyện Đăk Tô"), plan).Select(email => email.Html + email.Text));
        var expected = Both();

        var outputs = new string[16];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index => outputs[index] = Both());

        Assert.All(outputs, output => Assert.Equal(expected, output));
    }

    private static IEnumerable<EmailMessage> HostileEmails()
    {
        var rules = HostileRules.Value;
        var plan = rules.Plans[0];
        var composer = new AlertComposer(rules, null);
        var report = Reference(Hostile + ".csv", Hostile);
        var problems = new[] { Messages.AsWritten.At(Hostile, ProblemLocation.SheetRow(2), Hostile) };
        return
        [
            .. composer.Alerts(report, AlertPlanner.Plan(Card(plan, ("G3.1", 97.2m)), new Dictionary<string, Status>())),
            .. composer.ResolvedNotices(report, AlertPlanner.Plan(Card(plan, ("G3.1", 98.5m)), new Dictionary<string, Status> { ["G3.1"] = Status.OffTrack })),
            composer.Reminder("gddt", Period.Annual(2020), new DateOnly(2020, 11, 20)),
            composer.Overdue("gddt", Period.Annual(2020)),
            composer.Rejected("k", "gddt/" + Hostile + "\r\nBcc: all@example.org.csv", "gddt", problems),
            composer.RulesRefused("k", Hostile + ".json", "v1", problems, null),
            composer.ProcessingFailed("k", "gddt/x.csv", "gddt", Hostile),
        ];
    }

    private static Scorecard Card(Plan plan, params (string Code, decimal Value)[] values) =>
        Scorer.Score(new Report("r.csv", Period.Annual(2019), "dak-to", plan,
            [.. values.Select((value, row) => new ReportedValue(plan.FindIndicator(value.Code)!, Measurement.Of(value.Value), row + 2, null))]));

    private static ReportReference Reference(string file, string place) => new("key-1", file, "gddt", Period.Annual(2019), place);

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptTag();
}
