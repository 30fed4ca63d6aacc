using System.Text;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Tests;

/// <summary>A file that fails on every row gets a list someone can read, not ten thousand lines.</summary>
public class ProblemCapTests
{
    [Fact]
    public void File_failing_on_every_row_lists_at_most_the_cap_and_says_how_many_more()
    {
        var csv = new StringBuilder("period,jurisdiction,indicator,value\n");
        for (var row = 0; row < 5000; row++)
        {
            csv.Append("2018,tan-canh,G9.").Append(row).Append(",12\n");
        }

        var result = ReportReader.Read("bao-cao.csv", Encoding.UTF8.GetBytes(csv.ToString()), SmallPlan.With(SmallPlan.Rule("G3.1", ">=", 90, 98)).Book());

        Assert.Null(result.Report);
        Assert.Equal(ReportLimits.MaxProblems, result.Problems.Count);
        Assert.Contains("row 2", result.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\.\.\. and \d+ more problems, not listed", result.Problems[^1].Text.En);
        Assert.Contains("lỗi khác không liệt kê", result.Problems[^1].In(GenderPlan.Core.Domain.Language.Vietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_problems_are_all_listed()
    {
        var csv = "period,jurisdiction,indicator,value\n2018,tan-canh,G9.1,12\n2018,tan-canh,G9.2,12\n";

        var result = ReportReader.Read("bao-cao.csv", Encoding.UTF8.GetBytes(csv), SmallPlan.With(SmallPlan.Rule("G3.1", ">=", 90, 98)).Book());

        Assert.Equal(2, result.Problems.Count);
        Assert.DoesNotContain(result.Problems, problem => problem.Text.En.Contains("not listed", StringComparison.Ordinal));
    }
}
