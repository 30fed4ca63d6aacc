using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Problems are data until shown: the same problem reads in Vietnamese or English from the one catalogue,
/// and the upload page gets its row, column and indicator from the data, never from the words.
/// </summary>
public class ProblemWordingTests
{
    private static readonly Problem BadValue = Messages.NotANumber.At("bao-cao.csv", ProblemLocation.Cell(3, "D", "value").WithIndicator("G4.3a"), "abc");

    [Theory]
    [InlineData(Language.Vietnamese, "bao-cao.csv: dòng 3, cột D (value), G4.3a: 'abc' không phải là số (ghi 96,5 hoặc 96.5)")]
    [InlineData(Language.English, "bao-cao.csv: row 3, column D (value), G4.3a: 'abc' is not a number (write 96,5 or 96.5)")]
    public void Coded_problem_reads_in_the_readers_language(Language language, string expected)
    {
        Assert.Equal(expected, BadValue.In(language));
    }

    [Theory]
    [InlineData(LocationKind.Sheet, 7, null, null, null, "row 7", "dòng 7")]
    [InlineData(LocationKind.Sheet, 12, "AB", null, null, "row 12, column AB", "dòng 12, cột AB")]
    [InlineData(LocationKind.Items, 2, "value", null, "G4.3a", "item 2, field \"value\", G4.3a", "mục 2, trường \"value\", G4.3a")]
    [InlineData(LocationKind.Items, null, "value", null, null, "field \"value\"", "trường \"value\"")]
    [InlineData(LocationKind.Line, 3, "14", null, null, "line 3, column 14", "dòng 3, cột 14")]
    [InlineData(LocationKind.Path, null, null, "rule G4.1.Properties.target", null, "rule G4.1.Properties.target", "rule G4.1.Properties.target")]
    public void Every_kind_of_place_reads_in_both_languages(LocationKind kind, int? row, string? column, string? path, string? indicator, string english, string vietnamese)
    {
        var place = new ProblemLocation(kind, row, column, Path: path, Indicator: indicator);

        Assert.Equal((english, vietnamese), (place.In(Language.English), place.In(Language.Vietnamese)));
    }

    [Fact]
    public void A_real_bad_report_keeps_row_column_and_indicator_as_data()
    {
        var csv = "period,jurisdiction,indicator,value\n2019,dak-to,G4.1,abc\n2019,dak-to,G9.9,1\n"u8.ToArray();

        var problems = Reports.ReportReader.Read("bad.csv", csv, TestRules.Book).Problems;

        Assert.Equal([2, 3], problems.Select(problem => problem.Location!.Row!.Value).Order());
        Assert.Contains(problems, problem => problem.Location is { Row: 2, Column: "D", ColumnName: "value", Indicator: "G4.1" } && problem.Code == Messages.NotANumberOrFraction.Code);
    }

    [Fact]
    public void Every_code_is_one_entry_whose_languages_use_only_the_arguments_given()
    {
        var codes = Messages.All.Select(template => template.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(Messages.All, template =>
        {
            var highest = Regex.Matches(template.Vi + template.En, @"\{(\d)\}").Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
            var words = template.Format([.. Enumerable.Range(0, highest + 1).Select(index => $"«{index}»")]);
            Assert.DoesNotMatch(@"\{\d\}", words.Vi + words.En);
        });
    }

    [Fact]
    public void A_code_from_another_version_is_shown_rather_than_lost()
    {
        var problem = new Problem("r.csv", null, "report.some-future-code", ["G4.1"]);

        Assert.Equal("r.csv: report.some-future-code: G4.1", problem.In(Language.Vietnamese));
    }
}
