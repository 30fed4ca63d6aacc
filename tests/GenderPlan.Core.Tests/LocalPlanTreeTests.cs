using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Scoring;
using GenderPlan.Testing;

namespace GenderPlan.Core.Tests;

/// <summary>
/// A local plan started from the national strategy takes the whole tree below its place from the places list, at any
/// depth, and what each place owes follows from its level: the communes report, the districts between add them up.
/// </summary>
public class LocalPlanTreeTests
{
    private const string ThreeLevels = PlaceLists.ProvinceDistrictsAndCommunes;

    private const string TwoLevels = PlaceLists.ProvinceAndCommunes;

    [Fact]
    public void Province_plan_over_districts_and_communes_holds_every_place_below_it_with_its_parent_level_and_code()
    {
        var (book, files) = Build(ThreeLevels, "62");

        var plan = Assert.Single(book.Plans);
        Assert.Equal(
            [("kon-tum", null, "province", "62"), ("dak-to", "kon-tum", "district", "612"), ("tt-dak-to", "dak-to", "commune", "23473"),
             ("tan-canh", "dak-to", "commune", "23476"), ("ngoc-hoi", "kon-tum", "district", "611"), ("plei-kan", "ngoc-hoi", "commune", "23500")],
            plan.Jurisdictions.Select(place => (place.Id, place.Parent, place.Level, place.Code)));
        Assert.Equal("kon-tum", plan.District.Id);
        var root = Assert.Single(JsonNode.Parse(files.Single(file => file.IsWorkflow).Content.Span)!["Plan"]!["jurisdictions"]!.AsArray(), place => place!["parent"] is null)!;
        Assert.Equal("province", root["level"]!.GetValue<string>());
    }

    [Fact]
    public void In_a_three_level_plan_communes_report_districts_add_them_up_and_only_communes_get_a_committee()
    {
        var (book, _) = Build(ThreeLevels, "kon-tum");
        var plan = book.Plans[0];
        var rate = plan.FindIndicator("G2.1")!;

        Assert.All(plan.Indicators, indicator => Assert.Equal(["province", "commune"], indicator.Definition.LevelWords));
        Assert.Equal(["ubnd-tt-dak-to", "ubnd-tan-canh", "ubnd-plei-kan"], book.Units.Where(unit => unit.IsCommuneCommittee).Select(unit => unit.Id));
        var owed = ReportingObligations.For(book, plan, Period.Annual(2022));
        Assert.Equal(["kon-tum", "tt-dak-to", "tan-canh", "plei-kan"], owed.Select(obligation => obligation.Jurisdiction));
        Assert.All(owed, obligation => Assert.Equal(12, obligation.Indicators.Count));
        Assert.Equal(["tt-dak-to", "tan-canh"], PlaceRollUp.Contributors(plan.Places, "dak-to", rate, Period.Annual(2022)));
        Assert.Equal(["tt-dak-to", "tan-canh", "plei-kan"], PlaceRollUp.Contributors(plan.Places, "kon-tum", rate, Period.Annual(2022)));
    }

    [Fact]
    public void Province_plan_over_communes_puts_them_directly_under_it_with_their_committees()
    {
        var (book, _) = Build(TwoLevels, "51");

        var plan = book.Plans[0];
        Assert.Equal([("51", null, "province"), ("23401", "51", "commune"), ("23430", "51", "commune"), ("23428", "51", "commune")], plan.Jurisdictions.Select(place => (place.Id, place.Parent, place.Level)));
        Assert.All(plan.Jurisdictions, place => Assert.Null(place.Code));
        Assert.Equal(["23401", "23430", "23428"], book.Units.Where(unit => unit.IsCommuneCommittee).Select(unit => unit.Jurisdiction!));
        Assert.All(plan.Indicators, indicator => Assert.Equal(["province", "commune"], indicator.Definition.LevelWords));
    }

    [Fact]
    public void Commune_plan_reports_at_its_own_level_alone_and_has_no_committee_to_chase()
    {
        var (book, files) = Build(TwoLevels, "23401");

        var place = Assert.Single(book.Plans[0].Jurisdictions);
        Assert.Equal(("23401", null, "commune"), (place.Id, place.Parent, place.Level));
        Assert.All(book.Plans[0].Indicators, indicator => Assert.Equal(["commune"], indicator.Definition.LevelWords));
        Assert.DoesNotContain("\"levels\"", Encoding.UTF8.GetString(files.Single(file => file.IsWorkflow).Content.Span), StringComparison.Ordinal);
        Assert.DoesNotContain(book.Units, unit => unit.IsCommuneCommittee);
    }

    [Fact]
    public void More_places_at_every_level_than_a_plan_holds_is_refused_though_the_province_has_ten_districts()
    {
        var rows = new StringBuilder("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,\n");
        for (var district = 1; district <= 10; district++)
        {
            rows.Append($"{500 + district},Huyện {district},Huyện,51\n");
            for (var commune = 1; commune <= 20; commune++)
            {
                rows.Append($"{20000 + (district * 100) + commune},Xã {district}-{commune},Xã,{500 + district}\n");
            }
        }

        var result = LocalPlanBuilder.Build(Request(rows.ToString(), "51"));

        Assert.Null(result.Files);
        Assert.StartsWith("places.csv: row 2: 'Tỉnh Quảng Ngãi' has 210 places below it, at every level; a plan holds at most 199 below its own place", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Places_list_whose_parents_go_round_is_refused_at_the_first_row_of_the_cycle()
    {
        var read = Plans.PlaceListReader.Read("places.csv", Encoding.UTF8.GetBytes("code,name,level,parent\n51,Tỉnh Quảng Ngãi,Tỉnh,\n612,Huyện Đăk Tô,Huyện,23476\n23476,Xã Tân Cảnh,Xã,612\n"));

        Assert.Null(read.Places);
        Assert.Equal("places.csv: row 3, column D (parent): the parents go round in a cycle (612 → 23476 → 612); a place cannot be below itself", Assert.Single(read.Problems).ToString());
    }

    [Fact]
    public void Rules_history_names_the_levels_of_a_province_plan_by_its_places()
    {
        var (before, files) = Build(TwoLevels, "51");
        var workflow = JsonNode.Parse(files.Single(file => file.IsWorkflow).Content.Span)!.AsObject();
        TestRules.Rule(workflow, "G4.1")["Properties"]!["levels"] = new JsonArray("province");

        var after = RuleBookLoader.Load([new RuleSource("51-2021-2030.workflow.json", Encoding.UTF8.GetBytes(workflow.ToJsonString())), files.Single(file => file.IsUnits)]).RuleBook!;

        Assert.Equal(["G4.1: cấp báo cáo tỉnh, xã → tỉnh"], RulesDiff.Between(before, after));
    }

    private static (RuleBook Book, IReadOnlyList<RuleSource> Files) Build(string places, string place)
    {
        var result = LocalPlanBuilder.Build(Request(places, place));
        Assert.True(result.Files is not null, string.Join("; ", result.Problems));
        var loaded = RuleBookLoader.Load([.. result.Files]);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Problems));
        return (loaded.RuleBook!, result.Files);
    }

    private static LocalPlanRequest Request(string places, string place)
    {
        var strategy = Path.Combine(TestRules.RulesDirectory, "strategy");
        var problems = new List<Problem>();
        var offices = StrategyOffices.Read(StrategyOffices.FileName, File.ReadAllBytes(Path.Combine(strategy, StrategyOffices.FileName)), problems)!;
        var list = Plans.PlaceListReader.Read("places.csv", Encoding.UTF8.GetBytes(places));
        Assert.True(list.Places is not null, string.Join("; ", list.Problems));
        var file = Path.Combine(strategy, "nq-28-2021-2030.workflow.json");
        return new LocalPlanRequest(new RuleSource(Path.GetFileName(file), File.ReadAllBytes(file)), offices, list.Places, place, null, "places.csv");
    }
}
