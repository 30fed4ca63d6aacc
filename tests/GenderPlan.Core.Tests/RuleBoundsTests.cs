using System.Text.Json.Nodes;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>
/// A rules file is uploaded by officials, so every number, text and list in it is bounded: a value past a bound is
/// a problem naming its place, never an exception and never a plan that loads.
/// </summary>
public class RuleBoundsTests
{
    private static readonly SmallPlan Plan = SmallPlan.With(
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, lead: "gddt"),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"),
        SmallPlan.Rule("G4.2", "<=", baseline: 60m, target: 58m, unit: "per-100000", unitVi: "ca/100.000 trẻ đẻ sống", unitEn: "per 100,000 live births", lead: "yte"),
        SmallPlan.Rule("G5.1", "<=", baseline: 3m, target: 0m, unit: "count", unitVi: "sản phẩm", unitEn: "products", lead: "vhtt"));

    public static TheoryData<string, string, string, bool> AmountsByUnit => new()
    {
        // rule (its unit), property, the number as written in the file, whether it loads
        { "G3.1", "target", "100", true },
        { "G3.1", "target", "100.5", false },
        { "G3.1", "baseline", "0", true },
        { "G3.1", "baseline", "-0.1", false },
        { "G4.1", "target", "1000", true },
        { "G4.1", "target", "1001", false },
        { "G4.2", "baseline", "100000", true },
        { "G4.2", "baseline", "100001", false },
        { "G5.1", "baseline", "1000000000", true },
        { "G5.1", "baseline", "1000000001", false },
    };

    [Theory]
    [MemberData(nameof(AmountsByUnit))]
    public void Targets_and_baselines_lie_within_the_range_of_their_unit(string code, string property, string number, bool loads)
    {
        var plan = Plan.Copy();
        plan.Properties(code)[property] = JsonNode.Parse(number);

        var result = plan.Load();

        Assert.Equal(loads, result.IsValid);
        Assert.Equal(loads, RulesSchemas.Evaluate("workflow.schema.json", plan.Workflow));
        Assert.All(result.Problems, problem => Assert.Equal($"rule {code}.Properties.{property}", problem.Location?.ToString()));
    }

    public static TheoryData<string, string, string> HugeNumbers => new()
    {
        // where the number goes, the number as written, where the problem must be reported
        { "G3.1 target", "79228162514264337593543950335", "rule G3.1.Properties.target" },
        { "G4.1 target", "7.9e27", "rule G4.1.Properties.target" },
        { "G5.1 target", "79228162514264337593543950335", "rule G5.1.Properties.target" },
        { "G4.1 target", "1e400", "rule G4.1.Properties.target" },
        { "G4.1 baseline", "-1e400", "rule G4.1.Properties.baseline" },
        { "G4.1 tolerance", "79228162514264337593543950335", "rule G4.1.Properties.tolerance" },
        { "G4.1 provinceTarget", "1e400", "rule G4.1.Properties.provinceTarget" },
        { "G4.1 targetYear", "79228162514264337593543950335", "rule G4.1.Properties.targetYear" },
        { "G4.1 baselineYear", "1e10", "rule G4.1.Properties.baselineYear" },
        { "Plan startYear", "7.9e27", "workflow.Plan.startYear" },
        { "Plan endYear", "1899", "workflow.Plan.endYear" },
        { "G4.1 targetYear", "2201", "rule G4.1.Properties.targetYear" },
    };

    [Theory]
    [MemberData(nameof(HugeNumbers))]
    public void Number_out_of_bounds_is_refused_as_a_problem_never_thrown(string place, string number, string location)
    {
        var plan = Plan.Copy();
        var (owner, property) = (place.Split(' ')[0], place.Split(' ')[1]);
        var target = owner == "Plan" ? plan.Workflow["Plan"]!.AsObject() : plan.Properties(owner);
        target[property] = JsonNode.Parse(number);

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.Location?.ToString() == location);
    }

    [Fact]
    public void Loading_a_folder_with_a_huge_target_returns_problems_not_an_exception()
    {
        var plan = Plan.Copy();
        plan.Properties("G3.1")["target"] = JsonNode.Parse("79228162514264337593543950335");
        var folder = Directory.CreateTempSubdirectory("rules-");
        try
        {
            foreach (var source in plan.Sources())
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, source.Name), source.Content.ToArray());
            }

            var result = RuleBookLoader.LoadDirectory(folder.FullName);

            Assert.Null(result.RuleBook);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(("rule G3.1.Properties.target", "79228162514264337593543950335 is above 100, the most allowed here"), (problem.Location?.ToString(), problem.Text.En));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static TheoryData<string, string[], string?> Addresses => new()
    {
        // case, the unit's addresses, the words of the problem (null: the file loads)
        { "an ordinary address", ["yte@example.org"], null },
        { "a tagged address on a sub-domain", ["yte.bgd+canhbao@so-yte.kontum.gov.vn"], null },
        { "twenty addresses", [.. Enumerable.Range(1, 20).Select(n => $"yte{n}@example.org")], null },
        { "twenty-one addresses", [.. Enumerable.Range(1, 21).Select(n => $"yte{n}@example.org")], "lists 21 items; at most 20 are allowed" },
        { "an address of 255 characters", [new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 62), 3)) + ".org"], "at most 254 are allowed" },
        { "a host without a domain", ["yte@localhost"], "is not an email address" },
        { "a display name", ["Phòng Y tế <yte@example.org>"], "is not an email address" },
        { "a trailing line break", ["yte@example.org\n"], "is not an email address" },
        { "two at signs", ["yte@a@example.org"], "is not an email address" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Unit_addresses_are_few_short_and_plausible(string addressCase, string[] emails, string? words)
    {
        var plan = Plan.Copy();
        var yte = plan.Units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "yte")!;
        yte["emails"] = new JsonArray([.. emails.Select(email => JsonValue.Create(email))]);

        var result = plan.Load();

        Assert.True(words is null == result.IsValid, addressCase + ": " + string.Join("; ", result.Problems));
        Assert.All(result.Problems, problem => Assert.Equal(("units.json", "unit yte.emails"), (problem.File, problem.Location?.ToString())));
        Assert.True(words is null || result.Problems.Any(problem => problem.Text.En.Contains(words, StringComparison.Ordinal)), string.Join("; ", result.Problems));
    }

    [Fact]
    public void Every_problem_of_a_hostile_file_is_listed_up_to_a_readable_number()
    {
        var plan = Plan.Copy();
        var properties = plan.Properties("G3.1");
        for (var key = 0; key < 1000; key++)
        {
            properties[$"k{key}"] = 1;
        }

        var problems = plan.Load().Problems;

        Assert.Equal(200, problems.Count);
        Assert.Equal("... and 801 more problems, not listed", problems[^1].Text.En);
    }

    // Found by RulesFuzzingTests: a byte that is not UTF-8 inside a string threw from deep inside the schema check.
    [Fact]
    public void Rules_file_that_is_not_utf8_is_refused_naming_the_file()
    {
        var sources = RuleSource.FromDirectory(TestRules.RulesDirectory).ToList();
        var workflow = sources.FindIndex(source => source.IsWorkflow);
        var bytes = sources[workflow].Content.ToArray();
        bytes[Array.IndexOf(bytes, (byte)'G')] = 0xE7;
        sources[workflow] = sources[workflow] with { Content = bytes };

        var result = RuleBookLoader.Load(sources);

        Assert.Null(result.RuleBook);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((sources[workflow].Name, "the file is not UTF-8 text; save it again as UTF-8"), (problem.File, problem.Text.En));
    }
}
