using GenderPlan.Testing;
using System.Text.Json;

namespace GenderPlan.Cli.Tests;

public class ScoreCommandTests
{
    private static string Sample => Path.Combine(Cli.Samples, "dak-to-2019.csv");

    [Fact]
    public void Sample_report_exits_1_because_indicators_fall_behind()
    {
        var (exit, output, error) = Cli.Run("score", Sample);

        Assert.Equal(ExitCodes.NeedsAttention, exit);
        Assert.Equal("", error);
        Assert.Contains("Huyện Đăk Tô, năm 2019", output, StringComparison.Ordinal);
        // Units by name, as officials know them, not by id.
        Assert.Contains("Phòng Giáo dục và Đào tạo", output, StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu        Đánh giá              Kết quả thực hiện            Chỉ tiêu 2020", output, StringComparison.Ordinal);
        Assert.Contains("G3.1            Chậm tiến độ          97,2%", output, StringComparison.Ordinal);
        Assert.Contains("Kết quả 97,2% chưa đạt chỉ tiêu 98%; theo lộ trình đều từ 96,5% năm 2015 đến 98% năm 2020, kỳ này cần đạt 97,7%, mới thực hiện được 58% mức tăng cần đạt.", output, StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu chỉ thay đổi khi bầu cử: kết quả bầu cử nhiệm kỳ 2016-2021 là 34,5%, không đạt chỉ tiêu 36,7%", output, StringComparison.Ordinal);
        // on the straight line G2.2 and G6.1 fall behind; the councils elected in 2016 missed their targets for the term; staffing is below "Bố trí đủ cán bộ"
        Assert.Contains("27 chỉ tiêu: 10 đã đạt, 3 đúng tiến độ, 5 chậm tiến độ, 5 có nguy cơ không đạt, 2 không đạt, 2 không phát sinh", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_where_nothing_falls_behind_exits_0()
    {
        var file = Cli.TempFile("ok.csv", "period,jurisdiction,indicator,value\n2019,dak-to,G3.1,\"98,5\"\n2019,dak-to,G4.3a,88\n2019,dak-to,G6.3,0/0\n");

        var (exit, output, _) = Cli.Run("score", file, "--lang", "en");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("98.5% ≥ 98%: target met.", output, StringComparison.Ordinal);
        Assert.Contains("3 indicators: 1 met, 1 on track, 1 not applicable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_report_exits_2_and_names_file_row_and_column_on_stderr()
    {
        var file = Cli.TempFile("bad.csv", "period,jurisdiction,indicator,value\n2019,dak-to,G3.1,101\n2019,dak-to,G9.9,1\n");

        var (exit, output, error) = Cli.Run("score", file, "--json");

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains($"{file}: row 2, column D (value), G3.1: 101% is outside 0-100", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: row 3, column C (indicator): unknown indicator 'G9.9'", error, StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(output).RootElement.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public void Report_errors_are_Vietnamese_on_the_command_line_only_with_lang_vi()
    {
        var file = Cli.TempFile("bad.csv", "period,jurisdiction,indicator,value\n2019,dak-to,G3.1,101\n");

        var (_, _, english) = Cli.Run("score", file);
        var (exit, _, vietnamese) = Cli.Run("score", file, "--lang", "vi");

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains($"{file}: row 2, column D (value), G3.1: 101% is outside 0-100", english, StringComparison.Ordinal);
        Assert.Contains($"{file}: dòng 2, cột D (value), G3.1: 101% nằm ngoài khoảng 0-100", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void One_invalid_file_among_good_ones_still_scores_the_good_ones_and_exits_2()
    {
        var bad = Cli.TempFile("bad.csv", "period,jurisdiction,indicator,value\n2019,dak-to,G3.1,abc\n");

        var (exit, output, _) = Cli.Run("score", Sample, bad, "--json");

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("reports").EnumerateArray());
    }

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var (exit, output, _) = Cli.Run("score", Sample, "--json");

        Assert.Equal(ExitCodes.NeedsAttention, exit);
        var report = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("reports").EnumerateArray());
        Assert.Equal(Sample, report.GetProperty("file").GetString());
        Assert.Equal("2019", report.GetProperty("period").GetString());
        Assert.Equal("dak-to", report.GetProperty("jurisdiction").GetString());
        Assert.StartsWith("dak-to-2016-2020@", report.GetProperty("rulesVersion").GetString(), StringComparison.Ordinal);
        var results = report.GetProperty("results").EnumerateArray().ToDictionary(result => result.GetProperty("indicator").GetString()!);
        Assert.Equal(27, results.Count);

        var literacy = results["G3.1"];
        Assert.Equal("falling-behind", literacy.GetProperty("status").GetString());
        Assert.Equal(97.2m, literacy.GetProperty("value").GetDecimal());
        Assert.Equal(98m, literacy.GetProperty("target").GetDecimal());
        Assert.Equal(96.5m, literacy.GetProperty("baseline").GetDecimal());
        // (97,2 − 96,5)/(97,7 − 96,5) on the straight line
        Assert.Equal(0.7 / 1.2, literacy.GetProperty("progressRatio").GetDouble(), 4);
        Assert.Equal("gddt", literacy.GetProperty("lead").GetString());
        Assert.Equal(["ubnd-xa"], literacy.GetProperty("coordinating").EnumerateArray().Select(unit => unit.GetString()));
        Assert.StartsWith("Kết quả 97,2% chưa đạt chỉ tiêu 98%", literacy.GetProperty("explanation").GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("97.2% < 98%: falling behind", literacy.GetProperty("explanation").GetProperty("en").GetString(), StringComparison.Ordinal);

        Assert.Equal("off-track", results["G4.1"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, results["G4.2"].GetProperty("baseline").ValueKind);
        Assert.Equal("not-applicable", results["G6.3"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, results["G6.3"].GetProperty("value").ValueKind);
        Assert.Equal("on-track", results["G6.2b"].GetProperty("status").GetString());
        // concurrent staff is below the plan's target "Bố trí đủ cán bộ"
        Assert.Equal("off-track", results["G7.3"].GetProperty("status").GetString());
        Assert.Equal("Kiêm nhiệm", results["G7.3"].GetProperty("category").GetString());
        // the council elected in 2016 below its target: missed for the term, with no expected value between elections
        Assert.Equal("missed", results["G1.1b.district"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, results["G1.1b.district"].GetProperty("expected").ValueKind);
        Assert.Equal(
            ["met", "on-track", "falling-behind", "off-track", "missed", "not-applicable"],
            results.Values.Select(result => result.GetProperty("status").GetString()).Distinct().OrderBy(word => Array.IndexOf(["met", "on-track", "falling-behind", "off-track", "missed", "not-applicable"], word)));
    }

    [Fact]
    public void Annual_report_of_the_target_year_marks_unmet_targets_missed_and_exits_1()
    {
        var file = Cli.TempFile("dak-to-2020.csv", "period,jurisdiction,indicator,value\n2020,dak-to,G3.1,\"97,9\"\n2020,dak-to,G5.2,100\n2020,dak-to,G2.1,48\n");

        var (exit, output, _) = Cli.Run("score", file, "--json");
        var (_, table, _) = Cli.Run("score", file, "--lang", "en");

        Assert.Equal(ExitCodes.NeedsAttention, exit);
        var results = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("reports").EnumerateArray()).GetProperty("results").EnumerateArray()
            .ToDictionary(result => result.GetProperty("indicator").GetString()!, result => result.GetProperty("status").GetString());
        Assert.Equal("missed", results["G3.1"]);
        Assert.Equal("met", results["G5.2"]);
        Assert.Equal("missed", results["G2.1"]);
        Assert.Contains("3 indicators: 1 met, 2 missed", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_Vietnamese_readable()
    {
        var (_, output, _) = Cli.Run("score", Sample, "--json");

        Assert.Contains("chưa đạt chỉ tiêu", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_argument_scores_every_report_in_it()
    {
        var (exit, output, _) = Cli.Run("score", Cli.Samples, "--json");

        Assert.Equal(ExitCodes.NeedsAttention, exit);
        Assert.Equal(
            ["dak-to-2019.csv", "dien-binh-2020.csv", "po-ko-2020.csv", "tan-canh-2020-H1.csv", "tan-canh-2020.csv", "tt-dak-to-2020.csv", "xa-dak-to-2025.csv"],
            JsonDocument.Parse(output).RootElement.GetProperty("reports").EnumerateArray().Select(report => Path.GetFileName(report.GetProperty("file").GetString())));
    }

    [Fact]
    public void Missing_file_exits_2()
    {
        var (exit, _, error) = Cli.Run("score", "/nonexistent/report.csv");

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("/nonexistent/report.csv: the file does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_rules_exit_2_before_any_report_is_read()
    {
        var rules = Directory.CreateTempSubdirectory("genderplan-rules-").FullName;
        File.Copy(Path.Combine(Cli.RulesDirectory, "units.json"), Path.Combine(rules, "units.json"));
        var workflow = PlanEdits.ShippedWithRule("G4.1", "Expression", "DateTime.Now.Year > 0");
        File.WriteAllText(Path.Combine(rules, "dak-to-2016-2020.workflow.json"), workflow);

        var (exit, output, error) = Cli.Run("score", Sample, "--rules", rules);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Equal("", output);
        Assert.Contains("dak-to-2016-2020.workflow.json: rule G4.1.Expression: the expression reads DateTime.", error, StringComparison.Ordinal);
        Assert.Contains("reads DateTime.Now, which thresholds may not use", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("score")]
    [InlineData("score", "x.csv", "--lang", "fr")]
    [InlineData("score", "x.csv", "--bogus")]
    [InlineData("frobnicate")]
    public void Wrong_command_line_exits_2(params string[] args)
    {
        Assert.Equal(ExitCodes.Invalid, Cli.Run(args).Exit);
    }
}
