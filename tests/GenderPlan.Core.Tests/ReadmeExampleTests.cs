using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The example of README.md ("Using Core from another .NET program") and of Core/README.md (the package's
/// README) is the code between the markers below, run here as from the repository's root: the first test
/// runs it, the second fails as soon as either README shows something else.
/// </summary>
public partial class ReadmeExampleTests
{
    private const string Begins = "// README example begins";
    private const string Ends = "// README example ends";

    [Fact]
    public void Readme_example_loads_the_plan_and_scores_the_sample_report()
    {
        // README example begins
        var loaded = RuleBookLoader.LoadDirectory(InRepository("Rules"));
        var rules = loaded.RuleBook ?? throw new InvalidDataException(string.Join("\n", loaded.Problems));
        var file = InRepository("Rules/samples/dak-to-2019.csv");
        var read = ReportReader.Read(Path.GetFileName(file), File.ReadAllBytes(file), rules);
        var report = read.Report ?? throw new InvalidDataException(string.Join("\n", read.Problems));
        var card = Scorer.Score(report);
        foreach (var score in card.Scores)
        {
            Console.WriteLine($"{score.Indicator.Code}: {score.Status.English()}. {ScoreExplainer.Explain(score).En}");
        }
        // README example ends

        Assert.Equal(("dak-to-2019.csv", "dak-to-2016-2020", Period.Annual(2019), "dak-to"), (card.File, card.PlanId, card.Period, card.Jurisdiction));
        // 28 rows, one of them (G7.2) left empty; some indicators fall behind, which is why `score` exits 1 on it.
        Assert.Equal(27, card.Scores.Count);
        Assert.True(card.NeedsAttention);
        Assert.All(card.Scores, score => Assert.EndsWith(".", ScoreExplainer.Explain(score).En, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("Core/README.md")]
    public void Readme_shows_the_code_the_example_test_runs(string readme)
    {
        var shown = CodeBlock().Match(File.ReadAllText(InRepository(readme))).Groups[1].Value.ReplaceLineEndings("\n").Split('\n');
        var test = File.ReadAllText(InRepository("tests/GenderPlan.Core.Tests/ReadmeExampleTests.cs")).ReplaceLineEndings("\n");
        var start = test.IndexOf(Begins + "\n", StringComparison.Ordinal) + Begins.Length + 1;
        var run = test[start..test.IndexOf(Ends, start, StringComparison.Ordinal)]
            .Split('\n')
            .Where(line => line.Length > 0)
            .Select(line => InRepositoryCall().Replace(line[8..], "$1").TrimEnd())
            .Where(line => line.Length > 0);

        var usings = shown.TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(usings);
        Assert.All(usings, line => Assert.Contains(line + "\n", test, StringComparison.Ordinal));
        Assert.Equal(run, shown.Skip(usings.Count).Where(line => line.Length > 0));
    }

    /// <summary>The example's relative paths, taken from the repository's root as the README says.</summary>
    private static string InRepository(string path) => Path.Combine(TestRules.RepositoryRoot, path);

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("""InRepository\(("[^"]*")\)""")]
    private static partial Regex InRepositoryCall();
}
