using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Testing;

namespace GenderPlan.Cli.Tests;

/// <summary>The national strategy shipped as data, and <c>genderplan plan new</c> starting a local plan from it.</summary>
public class PlanNewCommandTests
{
    private static string StrategyDirectory => Path.Combine(Cli.RulesDirectory, "strategy");

    private static string StrategyFile => Path.Combine(StrategyDirectory, "nq-28-2021-2030.workflow.json");

    private const string Places = PlaceLists.ProvinceAndCommunes;

    [Fact]
    public void Strategy_passes_rules_check_with_each_confirmed_target_due_in_2025_and_2030()
    {
        var (exit, output, error) = Cli.Run("rules", "check", StrategyDirectory);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("plan nq-28-2021-2030: 2021-2030, 12 indicators", output, StringComparison.Ordinal);
        var plan = Assert.Single(RuleBookLoader.LoadDirectory(StrategyDirectory).RuleBook!.Plans);
        Assert.All(plan.Indicators, indicator => Assert.Equal([2025, 2030], indicator.Milestones.Select(milestone => milestone.Year)));
        Assert.Equal([111m, 109m], plan.FindIndicator("G4.1")!.Milestones.Select(milestone => milestone.Target));
        Assert.Equal(Direction.AtMost, plan.FindIndicator("G2.2")!.Direction);
        Assert.Equal([27m, 30m], plan.FindIndicator("G2.3")!.Milestones.Select(milestone => milestone.Target));
        Assert.Equal(("28/NQ-CP", new DateOnly(2021, 3, 3)), (plan.AdoptedBy!.Number, plan.AdoptedBy.Date));
    }

    [Fact]
    public void Every_strategy_target_cites_its_objective_of_the_resolution_and_asks_for_the_full_text()
    {
        var rules = JsonNode.Parse(File.ReadAllText(StrategyFile))!["Rules"]!.AsArray();

        Assert.All(rules, rule =>
        {
            var code = rule!["RuleName"]!.GetValue<string>();
            var note = rule["Properties"]!["note"]!.GetValue<string>();
            Assert.Contains("Nghị quyết 28/NQ-CP", note, StringComparison.Ordinal);
            Assert.Contains($"Mục tiêu {code[1]}", note, StringComparison.Ordinal);
            Assert.Contains("đối chiếu với toàn văn", note, StringComparison.Ordinal);
        });
    }

    [Theory]
    // The words that are not a bare figure say how they are read.
    [InlineData("G2.1", "khoảng 60%")]
    [InlineData("G2.2", "dưới 30%")]
    [InlineData("G2.3", "ít nhất 27%")]
    [InlineData("G4.2", "dưới 42")]
    [InlineData("G5.1", "khoảng 99%")]
    public void A_target_in_words_states_its_reading(string code, string words)
    {
        var rule = JsonNode.Parse(File.ReadAllText(StrategyFile))!["Rules"]!.AsArray().Single(rule => rule!["RuleName"]!.GetValue<string>() == code)!;

        var reading = rule["Properties"]!["note"]!.GetValue<string>().Split("Cách đọc:")[1];
        Assert.Contains($"\"{words}\"", reading, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategy_is_no_plan_of_the_local_deployment()
    {
        var deployed = RuleBookLoader.LoadDirectory(Cli.RulesDirectory).RuleBook!;

        Assert.DoesNotContain(deployed.Plans, plan => plan.Id == "nq-28-2021-2030");
        Assert.DoesNotContain(RuleSource.FromDirectory(Cli.RulesDirectory), source => source.Name.Contains("nq-28", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("51", "so-noi-vu", "Sở Nội vụ", "Bộ Nội vụ", "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của tỉnh Quảng Ngãi", 4)]
    [InlineData("23401", "vh-xh", "Phòng Văn hóa - Xã hội", "Sở Nội vụ tỉnh Quảng Ngãi", "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của xã Đăk Tô", 1)]
    public void New_plan_from_the_strategy_passes_rules_check_and_names_its_coordinator_and_reporting_line(
        string place, string coordinator, string office, string reportsTo, string name, int places)
    {
        var output = NewFolder();

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", place, "--places", Cli.TempFile("places.csv", Places), "--out", output);

        Assert.True(exit == ExitCodes.Success, error);
        var (checkExit, _, checkError) = Cli.Run("rules", "check", output);
        Assert.True(checkExit == ExitCodes.Success, checkError);
        var book = RuleBookLoader.LoadDirectory(output).RuleBook!;
        var plan = Assert.Single(book.Plans);
        Assert.Equal(($"{place}-2021-2030", 2021, 2030, 2020), (plan.Id, plan.StartYear, plan.EndYear, plan.BaselineYear));
        Assert.Equal((coordinator, office), (plan.Coordinator, book.Units.Single(unit => unit.Id == coordinator).Name.Vi));
        Assert.Equal(reportsTo, plan.ReportsTo!.Vi);
        Assert.Equal(name, plan.Name.Vi);
        Assert.Equal("28/NQ-CP", plan.Implements!.Number);
        Assert.Equal(("06-15", "11-25"), (plan.Calendar.FirstHalf.ToString(), plan.Calendar.Annual.ToString()));
        Assert.Equal(ProgressPath.Linear, plan.Path);
        Assert.Equal(places, plan.Jurisdictions.Count);
        Assert.Equal(place, plan.District.Id);
        Assert.Equal(12, plan.Indicators.Count);
        Assert.All(plan.Indicators, indicator => Assert.Equal(2, indicator.Milestones.Count));
        Assert.All(plan.Indicators, indicator => Assert.Equal(coordinator, indicator.Lead));
        Assert.All(book.Units, unit => Assert.All(unit.Emails, email => Assert.EndsWith("@example.invalid", email, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_province_plan_gives_each_commune_its_committee()
    {
        var output = NewFolder();

        Cli.Run("plan", "new", "--from", StrategyFile, "--place", "51", "--places", Cli.TempFile("places.csv", Places), "--out", output);

        var book = RuleBookLoader.LoadDirectory(output).RuleBook!;
        Assert.Equal(["23401", "23428", "23430"], book.Units.Where(unit => unit.Level == UnitLevel.Commune).Select(unit => unit.Jurisdiction!).Order());
        Assert.Equal("Ủy ban nhân dân xã Kon Đào", book.Units.Single(unit => unit.Jurisdiction == "23430").Name.Vi);
    }

    [Fact]
    public void A_province_plan_over_districts_and_communes_writes_the_whole_tree_and_rules_check_shows_it()
    {
        var output = NewFolder();

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "62", "--places", Cli.TempFile("places.csv", PlaceLists.ProvinceDistrictsAndCommunes), "--out", output);

        Assert.True(exit == ExitCodes.Success, error);
        var places = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "kon-tum-2021-2030.workflow.json")))!["Plan"]!["jurisdictions"]!.AsArray();
        Assert.Equal(
            ["kon-tum  province", "dak-to kon-tum district", "tt-dak-to dak-to commune", "tan-canh dak-to commune", "ngoc-hoi kon-tum district", "plei-kan ngoc-hoi commune"],
            places.Select(place => $"{place!["id"]} {place["parent"]} {place["level"]}"));
        var (checkExit, check, checkError) = Cli.Run("rules", "check", output);
        Assert.True(checkExit == ExitCodes.Success, checkError);
        Assert.Contains(
            "    Tỉnh Kon Tum (kon-tum): province, mã 62\n      Huyện Đăk Tô (dak-to): district, mã 612\n        Thị trấn Đăk Tô (tt-dak-to): commune, mã 23473\n        Xã Tân Cảnh (tan-canh): commune, mã 23476\n      Huyện Ngọc Hồi (ngoc-hoi): district, mã 611\n",
            check.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);

        // The communes report and have committees; the districts between only add them up.
        Assert.Equal(["tt-dak-to", "tan-canh", "plei-kan"], RuleBookLoader.LoadDirectory(output).RuleBook!.Units.Where(unit => unit.IsCommuneCommittee).Select(unit => unit.Jurisdiction!));
    }

    [Fact]
    public void The_name_given_is_the_plans_title()
    {
        var output = NewFolder();

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "23430", "--places", Cli.TempFile("places.csv", Places), "--name", "Kế hoạch bình đẳng giới xã Kon Đào 2021-2030", "--out", output);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal("Kế hoạch bình đẳng giới xã Kon Đào 2021-2030", Assert.Single(RuleBookLoader.LoadDirectory(output).RuleBook!.Plans).Name.Vi);
    }

    [Fact]
    public void Without_a_places_list_the_plan_covers_the_place_alone()
    {
        var output = NewFolder();

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "quang-ngai", "--level", "province", "--out", output);

        Assert.True(exit == ExitCodes.Success, error);
        var plan = Assert.Single(RuleBookLoader.LoadDirectory(output).RuleBook!.Plans);
        Assert.Equal(("so-noi-vu", "Bộ Nội vụ", "quang-ngai"), (plan.Coordinator, plan.ReportsTo!.Vi, Assert.Single(plan.Jurisdictions).Id));
    }

    public static TheoryData<string, byte[], string> HostilePlaces => new()
    {
        { "too many rows", Utf8("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,\n" + string.Concat(Enumerable.Range(1, 5_000).Select(row => $"{10000 + row},Xã {row},Xã,51\n"))), "places.csv: row 5002: the file has more than 5000 rows" },
        { "a long name", Utf8($"code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,\n23401,{new string('x', 300)},Xã,51\n"), "places.csv: row 3, column B (name): the cell holds 300 characters; at most 200" },
        { "a long code", Utf8($"code,name,level,parent\n{new string('1', 40)},Tỉnh Quảng Ngãi,Tỉnh,\n"), "places.csv: row 2, column A (code): the cell holds 40 characters; at most 20" },
        { "Windows-1258", [.. Encoding.ASCII.GetBytes("code,name,level,parent\n23401,X"), 0xE3, 0x20, 0x44, 0xF2, 0x6B, 0x2C, 0x58, 0xE3, 0x2C, 0x0A], "places.csv: the text is not UTF-8" },
        { "an unknown level", Utf8("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Vùng,\n"), "places.csv: row 2, column C (level): 'Vùng' is not a level" },
        { "an unknown parent", Utf8("code,name,level,parent\n23401,Xã Đăk Tô,Xã,99\n"), "places.csv: row 2, column D (parent): no place in the file has the code '99'" },
        { "a code twice", Utf8("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,\n51,Tỉnh Kon Tum,Tỉnh,\n"), "places.csv: row 3, column A (code): '51' is already listed on row 2" },
        { "no level column", Utf8("code,name,parent\n51,Tỉnh Quảng Ngãi,\n"), "places.csv: row 1: the column level is missing" },
        { "a bad code", Utf8("code,name,level,parent\n5 1,Tỉnh Quảng Ngãi,Tỉnh,\n"), "places.csv: row 2, column A (code): '5 1' is not a code" },
        { "parents in a cycle", Utf8("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,23401\n23401,Xã Đăk Tô,Xã,51\n"), "places.csv: row 2, column D (parent): the parents go round in a cycle (51 → 23401 → 51)" },
        { "more places at every level than a plan holds", Utf8("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,\n" + string.Concat(Enumerable.Range(1, 10).Select(district => $"{500 + district},Huyện {district},Huyện,51\n" + string.Concat(Enumerable.Range(1, 20).Select(commune => $"{20000 + (district * 100) + commune},Xã {commune},Xã,{500 + district}\n"))))), "places.csv: row 2: 'Tỉnh Quảng Ngãi' has 210 places below it, at every level; a plan holds at most 199 below its own place" },
    };

    [Theory]
    [MemberData(nameof(HostilePlaces))]
    public void Hostile_places_list_is_refused_naming_the_file_row_and_column_and_nothing_is_written(string what, byte[] bytes, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("genderplan-places-").FullName;
        var places = Path.Combine(directory, "places.csv");
        File.WriteAllBytes(places, bytes);
        var output = Path.Combine(directory, "plan");

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "51", "--places", places, "--out", output);

        Assert.True(exit == ExitCodes.Invalid, what);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), what);
    }

    [Fact]
    public void Oversized_places_list_is_refused_by_its_size()
    {
        var directory = Directory.CreateTempSubdirectory("genderplan-places-").FullName;
        var places = Path.Combine(directory, "places.csv");
        File.WriteAllBytes(places, Utf8("code,name,level,parent\n" + new string(' ', 3 * 1024 * 1024)));

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "51", "--places", places, "--out", Path.Combine(directory, "plan"));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("places.csv: the file is", error, StringComparison.Ordinal);
        Assert.Contains("a places list may be at most 2 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_place_is_refused_with_codes_of_the_list()
    {
        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "99999", "--places", Cli.TempFile("places.csv", Places), "--out", NewFolder());

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("no place '99999' in the file; give the code or id of one of its rows, such as 51, 23401", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_holds_rules_is_not_overwritten()
    {
        var output = NewFolder();
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "units.json"), "{}");

        var (exit, _, error) = Cli.Run("plan", "new", "--from", StrategyFile, "--place", "51", "--places", Cli.TempFile("places.csv", Places), "--out", output);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("already holds rules", error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(output, "units.json")));
    }

    private static string NewFolder() => Path.Combine(Directory.CreateTempSubdirectory("genderplan-plan-").FullName, "plan");

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
