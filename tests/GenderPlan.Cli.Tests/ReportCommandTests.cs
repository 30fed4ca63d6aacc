using GenderPlan.Testing;

namespace GenderPlan.Cli.Tests;

/// <summary><c>genderplan report</c>: the province report as a workbook or a Word draft, offline and from storage.</summary>
public sealed class ReportCommandTests : IClassFixture<CliAzurite>
{
    private readonly CliAzurite _azurite;

    public ReportCommandTests(CliAzurite azurite) => _azurite = azurite;

    private static string OutFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("genderplan-report-").FullName, name);

    [Fact]
    public void Offline_the_workbook_is_made_from_the_report_files()
    {
        var output = OutFile("bao-cao-2019.xlsx");

        var run = Cli.Run("report", "--period", "2019", "--format", "xlsx", "--out", output, Path.Combine(Cli.Samples, "dak-to-2019.csv"), "--rules", Cli.RulesDirectory);

        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.StartsWith($"Wrote {output}: Huyện Đăk Tô, năm 2019, 27/28 chỉ tiêu có số liệu", run.Out, StringComparison.Ordinal);
        var sheets = OfficeFiles.ReadWorkbook(File.ReadAllBytes(output));
        var indicators = sheets["Chỉ tiêu"];
        var row = indicators.Values.Single(cell => cell.Text == "Tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số").Reference[1..];
        Assert.Equal(0.972, indicators["H" + row].Number!.Value, 6);
        Assert.Equal("Không rõ", sheets["Tình hình báo cáo"]["E5"].Text);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Offline_a_folder_gives_the_communes_reports_of_the_period_and_leaves_other_periods_out()
    {
        var output = OutFile("bao-cao-2020-H1.docx");

        var run = Cli.Run("report", "--period", "2020-H1", "--format", "docx", "--out", output, Cli.Samples);

        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains("dak-to-2019.csv: reports 2019, not 2020-H1; left out.", run.Error, StringComparison.Ordinal);
        var draft = OfficeFiles.ReadDocument(File.ReadAllBytes(output));
        Assert.Contains("Kết quả thực hiện Kế hoạch hành động bình đẳng giới 6 tháng đầu năm 2020", draft.Paragraphs);
    }

    [Theory]
    [InlineData("2019-H2", null, "--period: '2019-H2' is not a period; write YYYY, YYYY-H1, or a span of years YYYY-YYYY for a review.")]
    [InlineData("2017-2019", null, "--period: '2017-2019': a review starts in the plan's first year (2016); for another span add --ad-hoc.")]
    [InlineData("2016-2030", null, "--period: '2016-2030': no plan covers the years 2016-2030.")]
    [InlineData("2031", null, "--period: no plan covers 2031.")]
    [InlineData("2019", "tan-canh", "--jurisdiction: the report is a district's; for 2019 name one of: dak-to.")]
    public void Invalid_input_exits_2_with_a_clear_message_and_writes_nothing(string period, string? jurisdiction, string message)
    {
        var output = OutFile("bao-cao.xlsx");
        string[] args = ["report", "--period", period, "--out", output, Path.Combine(Cli.Samples, "dak-to-2019.csv")];

        var run = Cli.Run(jurisdiction is null ? args : [.. args, "--jurisdiction", jurisdiction]);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--request", "Công văn số 1", "--request: only a report on request (--ad-hoc) cites the document asking for it.")]
    [InlineData("--date", "28/11/2019", "--date: '28/11/2019' is not a date; write YYYY-MM-DD.")]
    public void Options_that_do_not_fit_are_refused_before_anything_is_read(string option, string value, string message)
    {
        var output = OutFile("bao-cao.docx");

        var run = Cli.Run("report", "--period", "2019", "--format", "docx", option, value, "--out", output, Path.Combine(Cli.Samples, "dak-to-2019.csv"));

        Assert.Equal((ExitCodes.Invalid, false), (run.Exit, File.Exists(output)));
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_a_span_of_the_plans_years_is_the_final_review_dated_as_asked_and_a_half_year_file_is_left_out()
    {
        var output = OutFile("tong-ket.docx");

        var run = Cli.Run("report", "--period", "2016-2020", "--format", "docx", "--date", "2020-12-05", "--out", output, Cli.Samples, "--rules", Cli.RulesDirectory);

        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains("tan-canh-2020-H1.csv: reports 2020-H1, not 2016-2020; left out.", run.Error, StringComparison.Ordinal);
        var draft = OfficeFiles.ReadDocument(File.ReadAllBytes(output));
        Assert.Contains("Tổng kết thực hiện Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020", draft.Paragraphs);
        Assert.Equal("Đăk Tô, ngày 05 tháng 12 năm 2020", draft.Tables[0][1][1]);
        Assert.Contains("Năm 2019", draft.Tables[2][0]);
    }

    [Fact]
    public void Offline_an_ad_hoc_report_cites_the_request()
    {
        var output = OutFile("dot-xuat.docx");

        var run = Cli.Run("report", "--period", "2019", "--ad-hoc", "--request", "Công văn số 45/SLĐTBXH-BĐG ngày 10/02/2020 của Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum", "--format", "docx", "--out", output, Path.Combine(Cli.Samples, "dak-to-2019.csv"));

        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains(OfficeFiles.ReadDocument(File.ReadAllBytes(output)).Paragraphs, paragraph => paragraph.StartsWith("Thực hiện Công văn số 45/SLĐTBXH-BĐG ngày 10/02/2020 của Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum; căn cứ Kế hoạch số 37/KH-UBND", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rejected_report_file_stops_the_report_rather_than_leaving_its_figures_out()
    {
        var output = OutFile("bao-cao.xlsx");
        var bad = Cli.TempFile("bad.csv", "period,jurisdiction,indicator,value\n2019,dak-to,G3.1,101%\n");

        var run = Cli.Run("report", "--period", "2019", "--out", output, Path.Combine(Cli.Samples, "dak-to-2019.csv"), bad);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Contains("bad.csv: rejected:", run.Error, StringComparison.Ordinal);
        Assert.Contains("No file written.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Unknown_format_is_refused_by_the_command_line()
    {
        var run = Cli.Run("report", "--period", "2019", "--format", "pdf", "--out", OutFile("x.pdf"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void From_storage_the_workbook_holds_the_stored_results_and_who_reported()
    {
        var storage = _azurite.ConnectionString;
        var output = OutFile("bao-cao-2019.xlsx");
        Cli.Run("rules", "publish", Cli.RulesDirectory, "--storage", storage);
        Cli.Run("upload", Path.Combine(Cli.Samples, "dak-to-2019.csv"), "--unit", "ldtbxh", "--storage", storage);
        Cli.Run("serve", "--once", "--storage", storage, "--outbox", Directory.CreateTempSubdirectory("genderplan-cli-outbox-").FullName);

        var run = Cli.Run("report", "--period", "2019", "--format", "xlsx", "--out", output, "--storage", storage);
        var commune = Cli.Run("report", "--period", "2019", "--jurisdiction", "tan-canh", "--out", OutFile("x.xlsx"), "--storage", storage);

        Assert.Equal(ExitCodes.Success, run.Exit);
        var sheets = OfficeFiles.ReadWorkbook(File.ReadAllBytes(output));
        var row = sheets["Chỉ tiêu"].Values.Single(cell => cell.Text == "Tỷ số giới tính khi sinh").Reference[1..];
        Assert.Equal(108.0, sheets["Chỉ tiêu"]["H" + row].Number);
        var coordinator = sheets["Tình hình báo cáo"].Values.Single(cell => cell.Text == "Phòng Lao động - Thương binh và Xã hội").Reference[1..];
        Assert.Equal("Trễ hạn", sheets["Tình hình báo cáo"]["E" + coordinator].Text);
        Assert.Equal(ExitCodes.Invalid, commune.Exit);
        Assert.Contains("--jurisdiction: 'tan-canh' is not the district", commune.Error, StringComparison.Ordinal);
    }
}
