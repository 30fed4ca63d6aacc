using System.Security;
using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Files that used to be read wrong without a word (issue 19, item 4): a hidden sheet scored, a formula's
/// missing value dropped, a date read as a count, "+-52" read as 52, a LibreOffice file called "no sheet",
/// Excel's "sep=;" line taken for the header, and a JSON number with an exponent refused. Each is now read
/// as the official meant it or refused naming the cell.
/// </summary>
public class MisreadFileTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    [Theory]
    [InlineData("hidden")]
    [InlineData("veryHidden")]
    public void Hidden_first_sheet_is_passed_over_for_the_first_visible_one(string state)
    {
        var result = ReportReader.Read("r.xlsx", TwoSheets(state, null), TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal(3m, Assert.Single(result.Report!.Values).Measurement.Value);
    }

    [Fact]
    public void Workbook_whose_every_sheet_is_hidden_is_refused_rather_than_a_hidden_sheet_scored()
    {
        var problem = Assert.Single(ReportReader.Read("r.xlsx", TwoSheets("hidden", "veryHidden"), TestRules.Book).Problems);

        Assert.Contains("every sheet of the workbook is hidden", problem.Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<c r=\"D2\"><f>SUM(E2:F2)</f></c>")]
    [InlineData("<c r=\"D2\"><f>SUM(E2:F2)</f><v></v></c>")]
    [InlineData("<c r=\"D2\"><f>SUM(E2:F2)</f><v/></c>")]
    [InlineData("<c r=\"D2\" t=\"n\"><f t=\"shared\" ref=\"D2:D3\" si=\"0\"/></c>")]
    public void Formula_whose_value_is_not_stored_is_refused_naming_the_cell(string cell)
    {
        var rows = WithCell(HostileFiles.Row(2, "2019", "dak-to", "G5.1"), cell) + HostileFiles.Row(3, "2019", "dak-to", "G3.1", "97");

        var result = ReportReader.Read("r.xlsx", HostileFiles.Workbook(Sheet(rows)), TestRules.Book);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("row 2, column D", problem.Location?.ToString());
        Assert.Contains("open and save the file in Excel so the formula's value is stored", problem.Text.En, StringComparison.Ordinal);
        Assert.Contains("mở tệp bằng Excel và lưu lại để lưu giá trị của công thức", problem.Text.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<c r=\"D2\"><f>1+2</f><v>3</v></c>", 3)]
    [InlineData("<c r=\"D2\" t=\"str\"><f>TEXT(3,\"0\")</f><v>3</v></c>", 3)]
    public void Formula_with_its_stored_value_is_read_as_that_value(string cell, int expected)
    {
        var result = ReportReader.Read("r.xlsx", HostileFiles.Workbook(Sheet(WithCell(HostileFiles.Row(2, "2019", "dak-to", "G5.1"), cell))), TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal(expected, Assert.Single(result.Report!.Values).Measurement.Value);
    }

    /// <summary>Built-in date and time formats, and custom ones with a date or time token outside quotes and brackets.</summary>
    public static TheoryData<int, string> DateFormats => new()
    {
        { 14, "" },
        { 17, "" },
        { 22, "" },
        { 45, "" },
        { 47, "" },
        { 164, "dd/mm/yyyy" },
        { 164, "[$-42A]d mmmm yyyy" },
        { 164, "mmm-yy" },
        { 164, "h:mm AM/PM" },
        { 164, "[Red]\"ngày \"dd" },
        { 164, "[h]:mm:ss" },
    };

    /// <summary>Number formats whose letters are quoted, escaped or bracketed, or are not date tokens.</summary>
    public static TheoryData<int, string> NumberFormats => new()
    {
        { 0, "" },
        { 1, "" },
        { 49, "" },
        { 164, "0.0" },
        { 164, "#,##0 \"người\"" },
        { 164, "\"ngày \"0" },
        { 164, "[Red]0.00;[Blue]-0.00" },
        { 164, "0.00E+00" },
        { 164, "General" },
        { 164, "0\\h" },
        { 164, "[$-42A]#,##0" },
    };

    [Theory]
    [MemberData(nameof(DateFormats))]
    public void Date_formatted_cell_where_a_number_is_expected_is_refused_naming_the_cell(int format, string code)
    {
        var sheet = Sheet(WithCell(HostileFiles.Row(2, "2019", "dak-to", "G5.1"), "<c r=\"D2\" s=\"1\"><v>43831</v></c>"));

        var result = ReportReader.Read("r.xlsx", HostileFiles.Workbook(sheet, styles: Styles(format, code)), TestRules.Book);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("row 2, column D (value), G5.1", problem.Location?.ToString());
        Assert.Contains("a date where a number is expected", problem.Text.En, StringComparison.Ordinal);
        Assert.Contains("ô định dạng ngày tháng", problem.Text.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NumberFormats))]
    public void Number_formatted_cell_is_read_as_its_number(int format, string code)
    {
        var sheet = Sheet(WithCell(HostileFiles.Row(2, "2019", "dak-to", "G5.1"), "<c r=\"D2\" s=\"1\"><v>3</v></c>"));

        var result = ReportReader.Read("r.xlsx", HostileFiles.Workbook(sheet, styles: Styles(format, code)), TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal(3m, Assert.Single(result.Report!.Values).Measurement.Value);
    }

    [Fact]
    public void Date_formatted_numerator_is_refused_and_a_date_formatted_period_still_read()
    {
        var header = HostileFiles.Row(1, "period", "jurisdiction", "indicator", "value", "numerator", "denominator");
        var row = "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>2019</v></c>" + Inline("B2", "dak-to") + Inline("C2", "G6.2b") + "<c r=\"E2\" s=\"1\"><v>17</v></c><c r=\"F2\"><v>20</v></c></row>";
        var periodOnly = "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>2019</v></c>" + Inline("B2", "dak-to") + Inline("C2", "G5.1") + "<c r=\"D2\"><v>3</v></c></row>";

        var refused = ReportReader.Read("r.xlsx", HostileFiles.Workbook(Sheet(header, row), styles: Styles(14, "")), TestRules.Book);
        var read = ReportReader.Read("r.xlsx", HostileFiles.Workbook(Sheet(periodOnly), styles: Styles(14, "")), TestRules.Book);

        Assert.Equal("row 2, column E (numerator), G6.2b", Assert.Single(refused.Problems).Location?.ToString());
        Assert.Empty(read.Problems);
        Assert.Equal(Period.Annual(2019), read.Report!.Period);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OpenDocument_spreadsheet_named_xlsx_is_called_what_it_is(bool withMimetype)
    {
        var entries = new List<(string, Action<Stream>)>
        {
            ("content.xml", Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:spreadsheet/></office:body></office:document-content>")),
            ("META-INF/manifest.xml", Write("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>")),
        };
        if (withMimetype)
        {
            entries.Insert(0, ("mimetype", Write("application/vnd.oasis.opendocument.spreadsheet")));
        }

        var problem = Assert.Single(ReportReader.Read("r.xlsx", HostileFiles.Zip(entries), TestRules.Book).Problems);

        Assert.Contains("this is an OpenDocument spreadsheet (LibreOffice); save it as Excel .xlsx", problem.Text.En, StringComparison.Ordinal);
        Assert.Contains("LibreOffice", problem.Text.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sep=;\n", ";")]
    [InlineData("sep=;\r\n", ";")]
    [InlineData("sep=,\n", ",")]
    [InlineData("sep=\t\n", "\t")]
    public void Excel_separator_line_sets_the_separator_and_is_not_the_header(string line, string separator)
    {
        var rows = new[] { "period,jurisdiction,indicator,value", "2019,dak-to,G5.1,3", "2019,dak-to,G4.1,abc" }.Select(row => row.Replace(",", separator, StringComparison.Ordinal));
        var csv = line + string.Join("\n", rows) + "\n";

        var problem = Assert.Single(ReportReader.Read("r.csv", Encoding.UTF8.GetBytes(csv), TestRules.Book).Problems);

        Assert.Equal("row 4, column D (value), G4.1", problem.Location?.ToString());
    }

    [Fact]
    public void Separator_line_naming_a_separator_not_read_is_refused_clearly()
    {
        var problem = Assert.Single(ReportReader.Read("r.csv", "sep=|\nperiod|jurisdiction|indicator|value\n2019|dak-to|G5.1|3\n"u8.ToArray(), TestRules.Book).Problems);

        Assert.Equal("row 1", problem.Location?.ToString());
        Assert.Contains("'sep=|'", problem.Text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf16")]
    [InlineData("json")]
    public void Repeated_byte_order_marks_are_skipped(string variant)
    {
        var text = variant == "json"
            ? "[{\"period\":\"2019\",\"jurisdiction\":\"dak-to\",\"indicator\":\"G5.1\",\"value\":\"3\"}]"
            : "period,jurisdiction,indicator,value\n2019,dak-to,G5.1,3\n";
        byte[] bytes = variant == "utf16"
            ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]
            : [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

        var result = ReportReader.Read(variant == "json" ? "r.json" : "r.csv", bytes, TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal(3m, Assert.Single(result.Report!.Values).Measurement.Value);
    }

    [Theory]
    [InlineData("G3.1", "9.72e1", 97.2)]
    [InlineData("G3.1", "9.72E+1", 97.2)]
    [InlineData("G3.1", "972e-1", 97.2)]
    [InlineData("G5.1", "3e0", 3)]
    [InlineData("G5.1", "1.00000e2", 100)]
    [InlineData("G5.1", "1e9", 1_000_000_000)]
    public void Json_number_with_an_exponent_is_read(string indicator, string number, double expected)
    {
        var result = ReportReader.Read("r.json", Json(indicator, number), TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal((decimal)expected, Assert.Single(result.Report!.Values).Measurement.Value);
    }

    [Theory]
    [InlineData("1e400", "'1e400' is not a number")]
    [InlineData("-1e400", "'-1e400' is not a number")]
    [InlineData("1e10", "is larger than any value can be")]
    [InlineData("1.5e28", "is larger than any value can be")]
    public void Json_number_beyond_the_bounds_is_still_refused(string number, string words)
    {
        var problem = Assert.Single(ReportReader.Read("r.json", Json("G5.1", number), TestRules.Book).Problems);

        Assert.Equal("item 1, field \"value\", G5.1", problem.Location?.ToString());
        Assert.Contains(words, problem.Text.En, StringComparison.Ordinal);
    }

    private static byte[] Json(string indicator, string number) =>
        Encoding.UTF8.GetBytes($"[{{\"period\":\"2019\",\"jurisdiction\":\"dak-to\",\"indicator\":\"{indicator}\",\"value\":{number}}}]");

    /// <summary>A sheet of the given rows, with the report header row unless the first row is a header itself.</summary>
    private static string Sheet(params string[] rows) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>"
        + (rows[0].StartsWith("<row r=\"1\"", StringComparison.Ordinal) ? "" : HostileFiles.HeaderRow)
        + string.Concat(rows) + "</sheetData></worksheet>";

    /// <summary>The row with <paramref name="cell"/> added as its last cell.</summary>
    private static string WithCell(string row, string cell) => row[..^"</row>".Length] + cell + "</row>";

    private static string Styles(int format, string code) =>
        $"<styleSheet xmlns=\"{Main}\">"
        + (code.Length > 0 ? $"<numFmts count=\"1\"><numFmt numFmtId=\"{format}\" formatCode=\"{SecurityElement.Escape(code)}\"/></numFmts>" : "")
        + $"<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"{format}\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

    /// <summary>
    /// A workbook of two sheets in the given states (null: visible): a calculation sheet reporting G5.1 as
    /// 10, then the report sheet giving 3.
    /// </summary>
    private static byte[] TwoSheets(string? firstState, string? secondState) =>
        HostileFiles.WithParts(
            HostileFiles.Workbook(Sheet(HostileFiles.Row(2, "2019", "dak-to", "G5.1", "10"))),
            ("xl/workbook.xml", WorkbookXml(("Tính toán", firstState, "rId1"), ("Báo cáo", secondState, "rId4"))),
            ("xl/_rels/workbook.xml.rels", SheetRelationships),
            ("xl/worksheets/sheet2.xml", Sheet(HostileFiles.Row(2, "2019", "dak-to", "G5.1", "3"))));

    private static string WorkbookXml(params (string Name, string? State, string Id)[] sheets) =>
        $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>"
        + string.Concat(sheets.Select((sheet, index) => $"<sheet name=\"{sheet.Name}\" sheetId=\"{index + 1}\"{(sheet.State is null ? "" : $" state=\"{sheet.State}\"")} r:id=\"{sheet.Id}\"/>"))
        + "</sheets></workbook>";

    private static string SheetRelationships =>
        $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId4\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>";

    private static string Inline(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    private static Action<Stream> Write(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));
}
