using GenderPlan.Core.Reports;
using GenderPlan.Core.Rules;

namespace GenderPlan.Cli.Tests;

public class RulesAndTemplateCommandTests
{
    [Fact]
    public void Rules_check_exits_0_and_summarises_valid_rules()
    {
        var (exit, output, _) = Cli.Run("rules", "check", Cli.RulesDirectory);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("plan dak-to-2016-2020: 2016-2020, 28 indicators, 10 jurisdictions", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_check_lists_the_places_with_their_days_so_the_2025_change_reads_as_intended()
    {
        var (exit, output, _) = Cli.Run("rules", "check", Cli.RulesDirectory);

        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n');

        // The plan's own places, as the loader reads a plan written before places had parents: the district above its communes.
        Assert.Equal(["    Huyện Đăk Tô (dak-to): district", "      Thị trấn Đăk Tô (tt-dak-to): commune"], lines.SkipWhile(line => !line.StartsWith("  plan dak-to-2016-2020", StringComparison.Ordinal)).Skip(1).Take(2));

        // The places file: the old units end on 30/06/2025 under the district, the new communes begin the next day under the new province.
        var places = lines.SkipWhile(line => !line.StartsWith("  places (dak-to-2025.places.json): 15 places", StringComparison.Ordinal)).ToList();
        Assert.Contains("        Xã Tân Cảnh (tan-canh): commune, đến 30/06/2025", places);
        Assert.Contains("        Thị trấn Đăk Tô (tt-dak-to): commune, đến 30/06/2025", places);
        var province = places.IndexOf("    Tỉnh Quảng Ngãi (quang-ngai): province, từ 01/07/2025");
        Assert.True(province > 0, output);
        Assert.Equal(
            "      Xã Đăk Tô (xa-dak-to): commune, mã 23401, từ 01/07/2025, gộp từ Thị trấn Đăk Tô, Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình",
            places[province + 1]);
    }

    [Fact]
    public void Rules_check_exits_2_listing_every_problem()
    {
        var rules = Directory.CreateTempSubdirectory("genderplan-rules-").FullName;
        File.WriteAllText(Path.Combine(rules, "units.json"), """{ "units": [ { "id": "yte", "name": "Phòng Y tế", "emails": [] } ] }""");
        File.Copy(Path.Combine(Cli.RulesDirectory, "dak-to-2016-2020.workflow.json"), Path.Combine(rules, "dak-to-2016-2020.workflow.json"));

        var (exit, _, error) = Cli.Run("rules", "check", rules);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("units.json: unit yte.emails: needs at least one address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_lists_every_code_of_the_plan_of_the_period_with_its_Vietnamese_name()
    {
        var (exit, output, _) = Cli.Run("template", "--period", "2019");

        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,jurisdiction,indicator,name,value,numerator,denominator,note", lines[0]);
        Assert.Equal(29, lines.Length);
        Assert.Contains("2019,,G4.1,Tỷ số giới tính khi sinh,,,,", lines);
    }

    [Fact]
    public void Excel_template_filled_in_scores()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("genderplan-template-").FullName, "bao-cao.xlsx");
        var (exit, _, _) = Cli.Run("template", "--format", "xlsx", "--out", path, "--period", "2019", "--jurisdiction", "tan-canh");
        Assert.Equal(ExitCodes.Success, exit);

        var rules = RuleBookLoader.LoadDirectory(Cli.RulesDirectory).RuleBook!;
        var blank = ReportReader.Read(path, File.ReadAllBytes(path), rules);

        // A blank template is well formed: the only complaint is that no value was filled in.
        Assert.Contains("no indicator has a value", Assert.Single(blank.Problems).Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-05-01T00:00:00+07:00", "2019-H1", 28)]
    [InlineData("2019-06-15T00:00:00+07:00", "2019", 28)]
    [InlineData("2019-11-25T00:00:00+07:00", "2020-H1", 28)]
    // After 25 November 2026 the next report due is the first half of 2027, under the plan in force then: the commune's
    // 2021-2030 plan, with 12 indicators (the district's plan ended in 2020).
    [InlineData("2026-12-04T00:00:00+07:00", "2027-H1", 12)]
    public void Template_fills_in_the_period_due_today_by_the_plans_calendar(string today, string period, int indicators)
    {
        var (exit, output, _) = Cli.RunOn(new Cli.FixedClock(DateTimeOffset.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), "template");

        Assert.Equal(ExitCodes.Success, exit);
        var rows = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(indicators, rows.Count);
        Assert.All(rows, row => Assert.StartsWith(period + ",", row, StringComparison.Ordinal));
    }

    [Fact]
    public void Excel_template_has_the_period_due_and_Vietnamese_headers_and_a_given_period_wins()
    {
        var directory = Directory.CreateTempSubdirectory("genderplan-template-").FullName;
        var due = Path.Combine(directory, "due.xlsx");
        var given = Path.Combine(directory, "given.xlsx");
        var clock = new Cli.FixedClock(new DateTimeOffset(2019, 7, 1, 9, 0, 0, TimeSpan.FromHours(7)));

        var first = Cli.RunOn(clock, "template", "--format", "xlsx", "--out", due, "--jurisdiction", "tan-canh");
        Cli.RunOn(clock, "template", "--format", "xlsx", "--out", given, "--period", "2018");

        Assert.Equal(ExitCodes.Success, first.Exit);
        Assert.Contains("period 2019", first.Error, StringComparison.Ordinal);
        var sheet = GenderPlan.Testing.OfficeFiles.ReadWorkbook(File.ReadAllBytes(due))["Báo cáo"];
        Assert.Equal(("Kỳ báo cáo", "2019", "tan-canh"), (sheet["A1"].Text, sheet["A2"].Text, sheet["B2"].Text));
        Assert.Equal("2018", GenderPlan.Testing.OfficeFiles.ReadWorkbook(File.ReadAllBytes(given))["Báo cáo"]["A2"].Text);
    }

    [Theory]
    [InlineData("--period", "2019-H3")]
    [InlineData("--period", "2031")]
    [InlineData("--jurisdiction", "ha-noi")]
    [InlineData("--format", "xlsx")]
    public void Template_with_a_wrong_option_exits_2(string option, string value)
    {
        Assert.Equal(ExitCodes.Invalid, Cli.Run("template", option, value).Exit);
    }
}
