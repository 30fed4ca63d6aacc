using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Tests;

/// <summary>A refused file's problems go into one Table property as data, and come back whole or counted.</summary>
public class StoredProblemsTests
{
    [Fact]
    public void Problems_come_back_from_the_log_as_they_were_found()
    {
        Problem[] problems =
        [
            Messages.NotANumber.At("bao-cao.csv", ProblemLocation.Cell(3, "D", "value").WithIndicator("G4.3a"), "hai mươi"),
            Messages.JsonFieldTwice.At("bao-cao.json", ProblemLocation.Item(2, "value")),
            Messages.JsonInvalid.At("bao-cao.json", ProblemLocation.LineOf(3, 14)),
            Messages.RulesInvalid.At("units.json", ProblemLocation.At("unit yte.emails"), "must be a list of texts"),
            Messages.NoRows.At("trống.csv", null),
        ];

        var stored = StoredProblems.FromJson(StoredProblems.ToJson(problems));

        Assert.Equal(new StoredProblems(problems, 0), stored);
        Assert.Equal("bao-cao.csv: dòng 3, cột D (value), G4.3a: 'hai mươi' không phải là số (ghi 96,5 hoặc 96.5)", stored.Problems[0].In(Language.Vietnamese));
    }

    [Fact]
    public void A_log_row_keeps_the_first_hundred_problems_and_counts_the_rest()
    {
        var problems = Enumerable.Range(2, 250).Select(row => Messages.IndicatorMissing.At("bao-cao.csv", ProblemLocation.Cell(row, "C", "indicator"))).ToList();

        var stored = StoredProblems.FromJson(StoredProblems.ToJson(problems));

        Assert.Equal(StoredProblems.MaxProblems, stored.Problems.Count);
        Assert.Equal(150, stored.More);
        Assert.Equal(problems.Take(StoredProblems.MaxProblems), stored.Problems);
    }

    [Fact]
    public void Huge_quoted_cells_never_make_the_row_pass_what_a_Table_property_holds()
    {
        var cell = new string('9', 32_000);
        var problems = Enumerable.Range(2, 200).Select(row => Messages.NotANumber.At(new string('x', 1000) + ".csv", ProblemLocation.Cell(row, "D", "value"), cell)).ToList();

        var json = StoredProblems.ToJson(problems);
        var stored = StoredProblems.FromJson(json);

        Assert.InRange(json.Length, 1, StoredProblems.MaxChars);
        Assert.Equal(200, stored.Problems.Count + stored.More);
        Assert.All(stored.Problems, problem => Assert.InRange(problem.Args[0].Length, 1, 501));
    }

    [Fact]
    public void The_readers_own_last_line_is_counted_for_the_problems_it_stands_for()
    {
        var problems = Enumerable.Range(2, 199).Select(row => Messages.IndicatorMissing.At("r.csv", ProblemLocation.SheetRow(row)))
            .Append(Messages.TooManyProblems.At("r.csv", null, 57)).ToList();

        Assert.Equal(99 + 57, StoredProblems.FromJson(StoredProblems.ToJson(problems)).More);
    }
}
