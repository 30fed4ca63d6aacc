using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Tests;

public class ReportReadingTests
{
    [Theory]
    [InlineData("G3.1", "96,5", 96.5)]
    [InlineData("G3.1", "96.5", 96.5)]
    [InlineData("G3.1", "96,5%", 96.5)]
    [InlineData("G3.1", "96.5 %", 96.5)]
    [InlineData("G2.2", "29/100", 29)]
    [InlineData("G6.2b", "17/20", 85)]
    [InlineData("G4.1", "108/100", 108)]
    [InlineData("G4.1", "1080/1000", 108)]
    [InlineData("G4.1", "107,5", 107.5)]
    [InlineData("G4.2", "45/100000", 45)]
    [InlineData("G4.2", "45/100.000", 45)]
    [InlineData("G4.2", "1/2000", 50)]
    [InlineData("G4.4", "18/100", 18)]
    [InlineData("G5.1", "Không có", 0)]
    [InlineData("G5.1", "khong co", 0)]
    [InlineData("G5.1", "3", 3)]
    [InlineData("G6.1", "1,8", 1.8)]
    [InlineData("G6.1", "9/5", 1.8)]
    [InlineData("G7.3", "Kiêm nhiệm", 1)]
    [InlineData("G7.3", "kiem nhiem", 1)]
    [InlineData("G7.3", "Chuyên trách", 2)]
    [InlineData("G7.3", "Bố trí đủ cán bộ", 2)]
    [InlineData("G7.3", "CHUA BO TRI", 0)]
    public void Values_are_read_in_the_indicator_unit(string code, string written, double expected)
    {
        var result = ReportFiles.ReadCsv(ReportFiles.Csv($"2019,dak-to,{code},\"{written}\",,,"));

        Assert.Empty(result.Problems);
        var value = Assert.Single(result.Report!.Values);
        Assert.Equal(MeasurementKind.Number, value.Measurement.Kind);
        Assert.Equal((decimal)expected, value.Measurement.Value);
    }

    [Fact]
    public void Fractions_are_exact_decimals()
    {
        var result = ReportFiles.ReadCsv(ReportFiles.Csv("2019,dak-to,G2.2,29/100,,,", "2019,dak-to,G2.3,1/3,,,"));

        Assert.Equal(29m, result.Report!.Values[0].Measurement.Value);
        Assert.Equal(1m / 3m * 100m, result.Report.Values[1].Measurement.Value);
    }

    [Fact]
    public void Numerator_and_denominator_columns_give_the_rate()
    {
        var result = ReportFiles.ReadCsv(ReportFiles.Csv("2019,dak-to,G6.2b,,17,20,", "2019,dak-to,G6.3,,0,0,Chưa phát hiện", "2019,dak-to,G6.2a,100,4,4,"));

        Assert.Empty(result.Problems);
        Assert.Equal(85m, result.Report!.Values[0].Measurement.Value);
        Assert.Equal(MeasurementKind.NotApplicable, result.Report.Values[1].Measurement.Kind);
        Assert.Equal("Chưa phát hiện", result.Report.Values[1].Note);
        Assert.Equal(100m, result.Report.Values[2].Measurement.Value);
    }

    [Fact]
    public void Zero_over_zero_is_not_applicable()
    {
        var result = ReportFiles.ReadCsv(ReportFiles.Csv("2019,dak-to,G6.3,0/0,,,"));

        Assert.Equal(MeasurementKind.NotApplicable, Assert.Single(result.Report!.Values).Measurement.Kind);
    }

    [Fact]
    public void Empty_value_means_not_reported()
    {
        var result = ReportFiles.ReadCsv(ReportFiles.Csv("2019,dak-to,G3.1,97,,,", "2019,dak-to,G7.2,,,,Chưa tổng hợp"));

        Assert.Equal(["G3.1"], result.Report!.Values.Select(value => value.Indicator.Code));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_any_case_and_period_may_be_given_once()
    {
        var csv = "VALUE,Indicator,Jurisdiction,Period\n\"97,2\",g3.1,dak-to,2019-h1\n108/100,G4.1,,\n";

        var result = ReportFiles.ReadCsv(csv);

        Assert.Empty(result.Problems);
        Assert.Equal(Period.FirstHalf(2019), result.Report!.Period);
        Assert.Equal(["G3.1", "G4.1"], result.Report.Values.Select(value => value.Indicator.Code));
    }

    [Fact]
    public void Vietnamese_column_names_are_understood()
    {
        var csv = "Kỳ báo cáo,Địa bàn,Mã chỉ tiêu,Giá trị,Ghi chú\n2019,dak-to,G3.1,\"97,2\",\n";

        Assert.Empty(ReportFiles.ReadCsv(csv).Problems);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16-le")]
    [InlineData("utf16-be")]
    [InlineData("crlf")]
    [InlineData("cr")]
    [InlineData("semicolon")]
    [InlineData("tab")]
    [InlineData("nfd")]
    public void Csv_is_read_in_the_encodings_and_separators_Excel_writes(string variant)
    {
        var text = "period,jurisdiction,indicator,value,note\n2019,tan-canh,G3.1,\"97,2\",\"Ghi chú, có dấu phẩy và \"\"ngoặc\"\"\nhai dòng\"\n2019,tan-canh,G7.3,Kiêm nhiệm,\n";
        byte[] bytes = variant switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16-le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf16-be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "crlf" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            "cr" => Encoding.UTF8.GetBytes(text.Replace('\n', '\r')),
            "semicolon" => Encoding.UTF8.GetBytes("period;jurisdiction;indicator;value;note\n2019;tan-canh;G3.1;97,2;\"Ghi chú, có dấu phẩy và \"\"ngoặc\"\"\nhai dòng\"\n2019;tan-canh;G7.3;Kiêm nhiệm;\n"),
            "tab" => Encoding.UTF8.GetBytes("period\tjurisdiction\tindicator\tvalue\tnote\n2019\ttan-canh\tG3.1\t97,2\t\"Ghi chú, có dấu phẩy và \"\"ngoặc\"\"\nhai dòng\"\n2019\ttan-canh\tG7.3\tKiêm nhiệm\t\n"),
            "nfd" => Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormD)),
            _ => throw new ArgumentException(variant),
        };

        var result = ReportReader.Read("report.csv", bytes, TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal("tan-canh", result.Report!.Jurisdiction);
        Assert.Equal(97.2m, result.Report.Values[0].Measurement.Value);
        Assert.Equal("Ghi chú, có dấu phẩy và \"ngoặc\"\nhai dòng", result.Report.Values[0].Note);
        Assert.Equal(1m, result.Report.Values[1].Measurement.Value);
    }

    [Fact]
    public void Excel_first_sheet_is_read_with_numbers_and_percent_cells()
    {
        var bytes = ReportFiles.Xlsx(
            ["period", "jurisdiction", "indicator", "value", "note"],
            ["2019", "dak-to", "G3.1", "97.2%", "ô định dạng phần trăm"],
            ["2019", "dak-to", "G2.2", "29/100", ""],
            ["2019", "dak-to", "G4.1", "108", ""],
            ["2019", "dak-to", "G7.3", "Kiêm nhiệm", ""]);

        var result = ReportReader.Read("report.xlsx", bytes, TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal([97.2m, 29m, 108m, 1m], result.Report!.Values.Select(value => value.Measurement.Value));
        Assert.Equal(Period.Annual(2019), result.Report.Period);
    }

    [Fact]
    public void Json_report_is_read_with_the_same_fields()
    {
        var json = """
            [
              { "period": "2019", "jurisdiction": "dak-to", "indicator": "G3.1", "value": 97.2 },
              { "period": "2019", "jurisdiction": "dak-to", "indicator": "G4.1", "value": "108/100" },
              { "period": "2019", "jurisdiction": "dak-to", "indicator": "G6.2b", "numerator": 17, "denominator": 20, "note": "Đã tư vấn" }
            ]
            """;

        var result = ReportReader.Read("report.json", Encoding.UTF8.GetBytes(json), TestRules.Book);

        Assert.Empty(result.Problems);
        Assert.Equal([97.2m, 108m, 85m], result.Report!.Values.Select(value => value.Measurement.Value));
    }

    [Fact]
    public void Template_rows_filled_in_read_back_as_csv_and_as_a_workbook()
    {
        var rows = ReportTemplate.Rows(TestRules.Plan, Period.Annual(2019), "dak-to")
            .Select((row, index) => index == 1 ? row.Select((cell, column) => column == 4 ? "16,1" : cell).ToList() : row)
            .ToList();
        using var csv = new MemoryStream();
        ReportTemplate.WriteCsv(rows, csv);
        var xlsx = ReportFiles.Xlsx([.. rows.Select(row => row.ToArray())]);

        foreach (var (name, bytes) in new[] { ("t.csv", csv.ToArray()), ("t.xlsx", xlsx) })
        {
            var result = ReportReader.Read(name, bytes, TestRules.Book);
            Assert.Empty(result.Problems);
            var value = Assert.Single(result.Report!.Values);
            Assert.Equal(("G1.1a.district", 16.1m), (value.Indicator.Code, value.Measurement.Value));
        }
    }
}
