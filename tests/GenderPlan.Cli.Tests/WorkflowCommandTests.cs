using System.Text.Json;
using GenderPlan.Testing;

namespace GenderPlan.Cli.Tests;

/// <summary>A real Azurite for the commands that talk to storage.</summary>
public sealed class CliAzurite : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite!.ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(Cli.RepositoryRoot, TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _azurite!.DisposeAsync();
}

/// <summary>The local workflow as a user drives it: publish rules, upload, serve once, read the scorecard and the page.</summary>
[Trait("Category", "Slow")]
public sealed class WorkflowCommandTests : IClassFixture<CliAzurite>
{
    private readonly CliAzurite _azurite;

    public WorkflowCommandTests(CliAzurite azurite) => _azurite = azurite;

    [Fact]
    public void Publish_upload_serve_once_then_scorecard_and_page_show_the_scored_report()
    {
        var storage = _azurite.ConnectionString;
        var outbox = Directory.CreateTempSubdirectory("genderplan-cli-outbox-").FullName;
        var site = Directory.CreateTempSubdirectory("genderplan-cli-site-").FullName;

        var publish = Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage);
        var upload = Cli.Run("upload", Path.Combine(Cli.Samples, "dak-to-2019.csv"), "--unit", "ldtbxh", "--storage", storage);
        var serve = Cli.Run("serve", "--once", "--storage", storage, "--outbox", outbox);
        var again = Cli.Run("serve", "--once", "--storage", storage, "--outbox", outbox);
        var scorecard = Cli.Run("scorecard", "--period", "2019", "--json", "--storage", storage);
        var page = Cli.Run("dashboard", "--out", site, "--storage", storage);

        Assert.Equal(ExitCodes.Success, publish.Exit);
        Assert.Contains("Published rules version", publish.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, upload.Exit);
        Assert.Contains("reports/ldtbxh/dak-to-2019.csv", upload.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, serve.Exit);
        Assert.True(serve.Out.Contains("rules: 1 activated, 0 refused; reports: 1 scored, 0 rejected, 0 failed; emails: 7 sent, 0 pending", StringComparison.Ordinal), serve.Out);
        Assert.Contains("reports: 0 scored", again.Out, StringComparison.Ordinal);
        Assert.Equal(6, Directory.GetFiles(outbox, "alert-*.eml").Length);
        // The 2021-2030 plan's last deadline has passed: its coordinator gets the draft report of that period, once.
        Assert.Single(Directory.GetFiles(outbox, "province-report-*.eml"));

        using var json = JsonDocument.Parse(scorecard.Out);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(27, results.Count);
        Assert.Equal("G1.1a.district", results[0].GetProperty("indicator").GetString());
        Assert.Equal("falling-behind", results.Single(result => result.GetProperty("indicator").GetString() == "G3.1").GetProperty("status").GetString());
        Assert.Equal("ldtbxh", json.RootElement.GetProperty("reports")[0].GetProperty("unit").GetString());
        Assert.All(results, result => Assert.Equal("reported", result.GetProperty("source").GetString()));

        Assert.Equal(ExitCodes.Success, page.Exit);
        Assert.Contains("data-indicator=\"G3.1\" data-status=\"falling-behind\"", File.ReadAllText(Path.Combine(site, "dak-to.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Scorecard_json_gives_the_district_figure_added_up_from_a_commune_with_its_coverage()
    {
        var storage = _azurite.ConnectionString;
        var report = Path.Combine(Directory.CreateTempSubdirectory("genderplan-cli-commune-").FullName, "po-ko-2018.csv");
        File.WriteAllText(report, "period,jurisdiction,indicator,value,numerator,denominator\n2018,po-ko,G4.3a,,66,75\n");

        Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage);
        var upload = Cli.Run("upload", report, "--unit", "ubnd-po-ko", "--storage", storage);
        Cli.Run("serve", "--once", "--storage", storage, "--outbox", Directory.CreateTempSubdirectory("genderplan-cli-outbox-").FullName);
        var scorecard = Cli.Run("scorecard", "--period", "2018", "--jurisdiction", "dak-to", "--json", "--storage", storage);
        var text = Cli.Run("scorecard", "--period", "2018", "--jurisdiction", "dak-to", "--storage", storage);

        Assert.Equal(ExitCodes.Success, upload.Exit);
        using var json = JsonDocument.Parse(scorecard.Out);
        var added = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(("G4.3a", "communes", 88m), (added.GetProperty("indicator").GetString(), added.GetProperty("source").GetString(), added.GetProperty("value").GetDecimal()));
        var coverage = added.GetProperty("coverage");
        Assert.Equal((1, 9), (coverage.GetProperty("reported").GetInt32(), coverage.GetProperty("expected").GetInt32()));
        Assert.Equal(8, coverage.GetProperty("missing").GetArrayLength());
        Assert.DoesNotContain("po-ko", coverage.GetProperty("missing").EnumerateArray().Select(id => id.GetString()));
        Assert.Contains("G4.3a", text.Out, StringComparison.Ordinal);
        Assert.Contains("[tổng hợp từ các xã: 1/9 xã, thị trấn; thiếu: thị trấn Đăk Tô, Đăk Rơ Nga, Đăk Trăm, Văn Lem, Ngọk Tụ, Kon Đào, Tân Cảnh, Diên Bình]", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_invalid_rules_uploads_nothing_and_exits_2()
    {
        var rules = Directory.CreateTempSubdirectory("genderplan-rules-").FullName;
        File.WriteAllText(Path.Combine(rules, "units.json"), """{ "units": [] }""");
        File.Copy(Path.Combine(Cli.RulesDirectory, "dak-to-2016-2020.workflow.json"), Path.Combine(rules, "dak-to-2016-2020.workflow.json"));

        var (exit, output, error) = Cli.Run("rules", "publish", rules, "--storage", _azurite.ConnectionString);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Equal("", output);
        Assert.Contains("Nothing was uploaded.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_to_an_unknown_unit_is_refused_before_anything_is_sent()
    {
        var (exit, _, error) = Cli.Run("upload", Path.Combine(Cli.Samples, "dak-to-2019.csv"), "--unit", "so-yte", "--storage", _azurite.ConnectionString);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("'so-yte' is not in units.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_page_is_written_from_report_files()
    {
        var site = Directory.CreateTempSubdirectory("genderplan-cli-site-").FullName;

        var (exit, output, _) = Cli.Run("dashboard", Cli.Samples, "--out", site, "--jurisdiction", "tan-canh");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("tan-canh, 9 result(s)", output, StringComparison.Ordinal);
        Assert.Contains("Xã Tân Cảnh", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }
}
