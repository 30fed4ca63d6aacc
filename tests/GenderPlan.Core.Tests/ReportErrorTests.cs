using System.Text;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Tests;

/// <summary>Every kind of bad report is rejected whole, with its file, row and column.</summary>
public class ReportErrorTests
{
    private const string Header = "period,jurisdiction,indicator,value,numerator,denominator,note\n";

    public static TheoryData<string, string, string> BadReports => new()
    {
        { Header + "2019,dak-to,G9.9,1,,,\n", "row 2, column C (indicator)", "unknown indicator 'G9.9'" },
        { Header + "2019,dak-to,G3.1,97,,,\n2019,dak-to,g3.1,98,,,\n", "row 3, column C (indicator)", "G3.1 is reported twice (also row 2)" },
        { Header + "2019,dak-to,G3.1,101,,,\n", "row 2, column D (value), G3.1", "101% is outside 0-100" },
        { Header + "2019,dak-to,G3.1,150/100,,,\n", "row 2, column D (value), G3.1", "150% is outside 0-100" },
        { Header + "2019,dak-to,G5.1,-1,,,\n", "row 2, column D (value), G5.1", "-1 is negative" },
        { Header + "2019,dak-to,G4.1,-105,,,\n", "row 2, column D (value), G4.1", "is negative" },
        { Header + "2019,dak-to,G3.1,abc,,,\n", "row 2, column D (value), G3.1", "'abc' is not a number" },
        { Header + "2019,dak-to,G5.1,+-52,,,\n", "row 2, column D (value), G5.1", "'+-52' is not a number" },
        { Header + "2019,dak-to,G6.1,--5,,,\n", "row 2, column D (value), G6.1", "'--5' is not a number" },
        { Header + "2019,dak-to,G4.1,-+105,,,\n", "row 2, column D (value), G4.1", "'-+105' is not a number" },
        { Header + "2019,dak-to,G5.1,+,,,\n", "row 2, column D (value), G5.1", "'+' is not a number" },
        { Header + "2019,dak-to,G5.1,5-,,,\n", "row 2, column D (value), G5.1", "'5-' is not a number" },
        { Header + "2019,dak-to,G6.2b,,+-17,20,\n", "row 2, column E (numerator), G6.2b", "'+-17/20' is not a fraction" },
        { Header + "2019,dak-to,G5.1,\"1,5\",,,\n", "row 2, column D (value), G5.1", "not a whole number" },
        { Header + "2019,dak-to,G5.1,1/2,,,\n", "row 2, column D (value), G5.1", "write a single number, not a fraction" },
        { Header + "2019,dak-to,G4.1,108%,,,\n", "row 2, column D (value), G4.1", "is a percentage, but G4.1 is measured in boys per 100 girls" },
        { Header + "2019,dak-to,G4.2,1/0,,,\n", "row 2, column D (value), G4.2", "divides by zero" },
        { Header + "2019,dak-to,G3.1,Không có,,,\n", "row 2, column D (value), G3.1", "only a count can be" },
        { Header + "2019,dak-to,G7.3,Bán thời gian,,,\n", "row 2, column D (value), G7.3", "not a staffing level" },
        { Header + "2019,dak-to,G6.2b,,17,,\n", "row 2, column F (denominator), G6.2b", "both the numerator and the denominator" },
        { Header + "2019,dak-to,G6.2b,90,17,20,\n", "row 2, column D (value), G6.2b", "does not match numerator/denominator 17/20" },
        { Header + "2019,dak-to,,97,,,\n", "row 2, column C (indicator)", "indicator code is missing" },
        { Header + "2019-H2,dak-to,G3.1,97,,,\n", "row 2, column A (period), G3.1", "'2019-H2' is not a period" },
        { Header + "19,dak-to,G3.1,97,,,\n", "row 2, column A (period), G3.1", "'19' is not a period" },
        { Header + ",dak-to,G3.1,97,,,\n", "row 1, column A (period)", "the period is missing" },
        { Header + "2019,,G3.1,97,,,\n", "row 1, column B (jurisdiction)", "the jurisdiction is missing" },
        { Header + "2019,ha-noi,G3.1,97,,,\n", "row 2, column B (jurisdiction), G3.1", "'ha-noi' is not a jurisdiction of the plan" },
        { Header + "2019,dak-to,G3.1,97,,,\n2018,dak-to,G4.1,105,,,\n", "row 3, column A (period), G4.1", "two periods: '2019' (row 2) and '2018'" },
        { Header + "2019,dak-to,G3.1,97,,,\n2019,tan-canh,G4.1,105,,,\n", "row 3, column B (jurisdiction), G4.1", "two jurisdictions" },
        { Header + "2019,tan-canh,G3.1,97,,,\n2019,tan-canh,G1.1a.district,20,,,\n", "row 3, column C (indicator)", "G1.1a.district is reported for the district as a whole, not for a commune" },
        { Header + "2021,dak-to,G3.1,97,,,\n", "row 2, column A (period), G3.1", "no plan covers 2021; the plans cover 2016-2020" },
        { "period,jurisdiction,indicator,value\n2019,dak-to,G3.1,97,2\n", "row 2", "the row has 5 fields but the header has 4; a decimal comma must be inside quotes" },
        { "period,jurisdiction,indicator,valeu\n2019,dak-to,G3.1,97\n", "row 1, column D (valeu)", "unknown column 'valeu'" },
        { "period,jurisdiction,indicator\n2019,dak-to,G3.1\n", "row 1", "the column 'value' is missing" },
        { "period,jurisdiction,indicator,value,value\n2019,dak-to,G3.1,97,98\n", "row 1, column E (value)", "appears twice" },
        { Header + "2019,dak-to,G3.1,\"97\n", "row 2", "a quoted field is never closed" },
        { Header, "", "the report has a header but no rows" },
        { Header + "2019,dak-to,G3.1,,,,\n2019,dak-to,G4.1,,,,\n", "row 1, column D (value)", "no indicator has a value" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public void Bad_report_is_rejected_naming_file_row_column_and_the_indicator_of_the_row(string csv, string location, string words)
    {
        var result = ReportFiles.ReadCsv(csv, "bao-cao-yte.csv");

        Assert.Null(result.Report);
        Assert.Contains(result.Problems, problem =>
            problem.File == "bao-cao-yte.csv" && (problem.Location?.ToString() ?? "") == location && problem.Text.En.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2019,dak-to,G3.1,abc,,,", "bao-cao-yte.csv: dòng 2, cột D (value), G3.1: 'abc' không phải là số (ghi 96,5 hoặc 96.5, hoặc phân số như 29/100)", "bao-cao-yte.csv: row 2, column D (value), G3.1: 'abc' is not a number (write 96,5 or 96.5, or a fraction such as 29/100)")]
    [InlineData("2019,dak-to,G3.1,101,,,", "bao-cao-yte.csv: dòng 2, cột D (value), G3.1: 101% nằm ngoài khoảng 0-100", "bao-cao-yte.csv: row 2, column D (value), G3.1: 101% is outside 0-100")]
    [InlineData("2019,dak-to,G6.2b,,17,,", "bao-cao-yte.csv: dòng 2, cột F (denominator), G6.2b: cần ghi cả tử số và mẫu số, hoặc để trống cả hai", "bao-cao-yte.csv: row 2, column F (denominator), G6.2b: give both the numerator and the denominator, or neither")]
    [InlineData("2019-H2,dak-to,G3.1,97,,,", "bao-cao-yte.csv: dòng 2, cột A (period), G3.1: '2019-H2' không phải là kỳ báo cáo; ghi YYYY cho báo cáo năm hoặc YYYY-H1 cho báo cáo 6 tháng đầu năm. Ví dụ: 2019 hoặc 2020-H1", "bao-cao-yte.csv: row 2, column A (period), G3.1: '2019-H2' is not a period; write YYYY for the annual report or YYYY-H1 for the semi-annual one, e.g. 2019 or 2020-H1")]
    [InlineData("2021,dak-to,G3.1,97,,,", "bao-cao-yte.csv: dòng 2, cột A (period), G3.1: không kế hoạch nào áp dụng cho năm 2021; các kế hoạch áp dụng cho giai đoạn 2016-2020", "bao-cao-yte.csv: row 2, column A (period), G3.1: no plan covers 2021; the plans cover 2016-2020")]
    public void Report_problems_read_in_Vietnamese_for_officials_and_in_English_for_the_command_line(string row, string vi, string en)
    {
        var problem = Assert.Single(ReportFiles.ReadCsv(ReportFiles.Csv(row), "bao-cao-yte.csv").Problems);

        Assert.Equal(vi, problem.In(Domain.Language.Vietnamese));
        Assert.Equal(en, problem.In(Domain.Language.English));
        Assert.Equal(en, problem.ToString());
    }

    [Fact]
    public void File_problems_read_in_Vietnamese_too()
    {
        var oldExcel = Assert.Single(ReportFiles.ReadCsv("period", "bao-cao.xls").Problems);
        var shortRow = Assert.Single(ReportFiles.ReadCsv("period,jurisdiction,indicator,value\n2019,dak-to,G3.1,97,2\n", "bao-cao.csv").Problems);

        Assert.Equal("bao-cao.xls: không đọc được tệp '.xls'; đề nghị gửi tệp .csv, .xlsx hoặc .json; đề nghị lưu lại tệp Excel dưới dạng .xlsx", oldExcel.In(Domain.Language.Vietnamese));
        Assert.Equal("bao-cao.csv: dòng 2: dòng có 5 ô nhưng dòng tiêu đề có 4 cột; dấu phẩy thập phân phải nằm trong ngoặc kép (\"96,5\") hoặc tệp phải dùng dấu ';' giữa các ô", shortRow.In(Domain.Language.Vietnamese));
    }

    [Fact]
    public void Every_problem_of_a_report_is_listed_and_nothing_is_kept()
    {
        var result = ReportFiles.ReadCsv(ReportFiles.Csv("2019,dak-to,G3.1,101,,,", "2019,dak-to,G9.9,1,,,", "2019,dak-to,G4.1,108/100,,,", "2019,dak-to,G5.1,abc,,,"));

        Assert.Null(result.Report);
        Assert.Equal(["row 2, column D (value), G3.1", "row 3, column C (indicator)", "row 5, column D (value), G5.1"], result.Problems.Select(problem => problem.Location?.ToString()));
    }

    [Fact]
    public void Json_errors_name_the_item_and_field()
    {
        var json = """[{ "period": "2019", "jurisdiction": "dak-to", "indicator": "G3.1", "value": "abc" }]""";

        var problem = Assert.Single(ReportReader.Read("r.json", Encoding.UTF8.GetBytes(json), TestRules.Book).Problems);

        Assert.Equal("item 1, field \"value\", G3.1", problem.Location?.ToString());
    }

    [Fact]
    public void Excel_errors_name_the_sheet_row_and_column_letter()
    {
        var bytes = ReportFiles.Xlsx(["period", "jurisdiction", "indicator", "value"], ["2019", "dak-to", "G3.1", "105"]);

        var problem = Assert.Single(ReportReader.Read("r.xlsx", bytes, TestRules.Book).Problems);

        Assert.Equal("row 2, column D (value), G3.1", problem.Location?.ToString());
    }

    [Fact]
    public void Legacy_windows_1258_csv_is_refused_with_advice()
    {
        // "Tỷ lệ" as Windows-1258 bytes: not valid UTF-8.
        byte[] bytes = [.. Encoding.ASCII.GetBytes(Header + "2019,dak-to,G3.1,97,,,T"), 0xF2, 0x20, 0x6C, 0xEA, 0x0A];

        var problem = Assert.Single(ReportReader.Read("r.csv", bytes, TestRules.Book).Problems);

        Assert.Contains("not UTF-8", problem.Text.En, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.xlsx", "csv", "not an Excel workbook")]
    [InlineData("report.xlsx", "broken-zip", "cannot be opened")]
    [InlineData("report.csv", "xlsx", "ZIP or Excel file, not text")]
    [InlineData("report.json", "csv", "not valid JSON")]
    [InlineData("report.json", "object", "a JSON report is a list of rows")]
    [InlineData("report.xls", "csv", "save the workbook as .xlsx")]
    [InlineData("report.pdf", "csv", "send .csv, .xlsx or .json")]
    [InlineData("report.csv", "empty", "the file is empty")]
    [InlineData("report.csv", "binary", "binary")]
    public void File_that_is_not_what_its_name_says_is_refused(string name, string content, string words)
    {
        byte[] bytes = content switch
        {
            "csv" => Encoding.UTF8.GetBytes(ReportFiles.Csv("2019,dak-to,G3.1,97,,,")),
            "xlsx" => ReportFiles.Xlsx(["period"]),
            "broken-zip" => [.. "PK\u0003\u0004"u8, .. new byte[100]],
            "object" => Encoding.UTF8.GetBytes("""{ "period": "2019" }"""),
            "empty" => [],
            "binary" => [0x00, 0x01, 0x02, 0x41],
            _ => throw new ArgumentException(content),
        };

        var result = ReportReader.Read(name, bytes, TestRules.Book);

        Assert.Null(result.Report);
        Assert.Contains(words, Assert.Single(result.Problems).Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_file_is_refused_unread()
    {
        var bytes = new byte[ReportReader.MaxBytes + 1];

        var problem = Assert.Single(ReportReader.Read("huge.csv", bytes, TestRules.Book).Problems);

        Assert.Contains("at most 5 MB", problem.Text.En, StringComparison.Ordinal);
    }
}
