using System.Text;
using GenderPlan.Core.Reports;

namespace GenderPlan.Documents.Tests;

/// <summary>The CSV template never hands Excel a formula, whatever the rules' indicator names say.</summary>
public class TemplateSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"bấm\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Tỷ lệ nữ", "Tỷ lệ nữ")]
    [InlineData("Tỷ lệ = 50%", "Tỷ lệ = 50%")]
    public void Field_Excel_would_run_as_a_formula_is_written_as_text(string name, string written)
    {
        using var output = new MemoryStream();

        ReportTemplate.WriteCsv([["indicator", "name"], ["G1.1", name]], output);

        var lines = new UTF8Encoding(false).GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("G1.1," + written, lines[1]);
    }
}
