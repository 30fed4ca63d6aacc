using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Tests;

/// <summary>The upload page puts each problem beside its row: the location the readers write, taken apart.</summary>
public class ProblemPlaceTests
{
    [Theory]
    [InlineData("row 3, column E (value), G1.1a.commune", 3, "E", "G1.1a.commune")]
    [InlineData("row 12, column AB (note)", 12, "AB", null)]
    [InlineData("row 7", 7, null, null)]
    [InlineData("row 7, G4.1", 7, null, "G4.1")]
    [InlineData("item 2, field \"value\", G4.3a", 2, "value", "G4.3a")]
    public void Location_written_by_the_readers_gives_row_column_and_indicator(string location, int row, string? column, string? indicator)
    {
        Assert.Equal(new ProblemPlace(row, column, indicator), ProblemPlace.Of(new Problem("r.csv", location, "bad")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("rule G4.1, Properties.target")]
    [InlineData("somewhere")]
    public void Problem_of_the_whole_file_has_no_place(string? location)
    {
        Assert.Equal(new ProblemPlace(null, null, null), ProblemPlace.Of(new Problem("r.csv", location, "bad")));
    }

    [Fact]
    public void Every_problem_of_a_real_bad_report_keeps_its_row()
    {
        var rules = TestRules.Book;
        var csv = "period,jurisdiction,indicator,value\n2019,dak-to,G4.1,abc\n2019,dak-to,G9.9,1\n"u8.ToArray();

        var problems = Reports.ReportReader.Read("bad.csv", csv, rules).Problems;

        Assert.Equal([2, 3], problems.Select(problem => ProblemPlace.Of(problem).Row).Order());
        Assert.Contains(problems, problem => ProblemPlace.Of(problem) is { Row: 2, Column: "D", Indicator: "G4.1" });
    }
}
