using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Communes are reporting units: rules say at which levels each indicator is reported, commune committees answer
/// for one commune each, a report at the wrong level is refused, and one place says who owes which report.
/// </summary>
public class CommuneLevelTests
{
    /// <summary>
    /// A plan with the district, two communes and their committees: G3.1 reported by both levels, G1.1a.district by
    /// the district only, G2.1 by the communes only, G4.1 without <c>levels</c> (district only, as older plans).
    /// </summary>
    internal static SmallPlan TwoCommunes()
    {
        var plan = SmallPlan.With(
            Levels(SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, lead: "gddt"), "district", "commune"),
            Levels(SmallPlan.Rule("G1.1a.district", ">=", baseline: 15.38m, target: 15.38m, lead: "noivu"), "district"),
            Levels(SmallPlan.Rule("G2.1", ">=", baseline: 49m, target: 50m, lead: "ldtbxh"), "commune"),
            SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte"));
        plan.Workflow["Plan"]!["jurisdictions"]!.AsArray().Add(new JsonObject { ["id"] = "po-ko", ["name"] = "Xã Pô Kô" });
        var units = plan.Units["units"]!.AsArray();
        units.Single(unit => (string?)unit!["id"] == "ubnd-xa")!.AsObject()["level"] = "commune";
        units.Single(unit => (string?)unit!["id"] == "ubnd-xa")!.AsObject()["group"] = "commune";
        units.Add(Committee("tan-canh", "UBND xã Tân Cảnh"));
        units.Add(Committee("po-ko", "UBND xã Pô Kô"));
        return plan;
    }

    internal static JsonObject Levels(JsonObject rule, params string[] levels)
    {
        rule["Properties"]!["levels"] = new JsonArray([.. levels.Select(level => (JsonNode)JsonValue.Create(level))]);
        return rule;
    }

    private static JsonObject Committee(string jurisdiction, string name) => new()
    {
        ["id"] = "ubnd-" + jurisdiction,
        ["name"] = name,
        ["level"] = "commune",
        ["jurisdiction"] = jurisdiction,
        ["emails"] = new JsonArray($"ubnd-{jurisdiction}@example.org"),
    };

    private static readonly RuleBook Book = TwoCommunes().Book();

    [Fact]
    public void Rule_without_levels_is_reported_by_the_district_only()
    {
        var plan = Book.Plans.Single();

        Assert.True(plan.FindIndicator("G4.1")!.IsReportedAt(UnitLevel.District));
        Assert.False(plan.FindIndicator("G4.1")!.IsReportedAt(UnitLevel.Commune));
        Assert.Equal(["G3.1", "G2.1"], plan.IndicatorsAt(UnitLevel.Commune).Select(indicator => indicator.Code));
        Assert.Equal(["G3.1", "G1.1a.district", "G4.1"], plan.IndicatorsAt(UnitLevel.District).Select(indicator => indicator.Code));
    }

    [Theory]
    [InlineData("Tỉnh", "is not a level word")]
    [InlineData("district,district", "\"district\" is listed twice")]
    [InlineData("", "lists at least one level")]
    public void Unknown_repeated_or_missing_levels_are_refused_by_the_loader_and_the_schema(string levels, string words)
    {
        var plan = TwoCommunes();
        Levels(plan.Rule("G3.1"), levels.Length == 0 ? [] : levels.Split(','));

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.Location?.ToString() == "rule G3.1.Properties.levels" && problem.Text.En.Contains(words, StringComparison.Ordinal));
        Assert.False(RulesSchemas.Evaluate("workflow.schema.json", plan.Workflow));
    }

    [Fact]
    public void Negative_tolerance_is_refused_by_the_loader_and_the_schema()
    {
        var plan = TwoCommunes();
        plan.Properties("G3.1")["tolerance"] = -1;

        Assert.Contains(plan.Load().Problems, problem => problem.Location?.ToString() == "rule G3.1.Properties.tolerance");
        Assert.False(RulesSchemas.Evaluate("workflow.schema.json", plan.Workflow));
    }

    [Fact]
    public void Plan_with_levels_and_commune_committees_is_valid_for_the_schemas()
    {
        var plan = TwoCommunes();

        Assert.True(RulesSchemas.Evaluate("workflow.schema.json", plan.Workflow));
        Assert.True(RulesSchemas.Evaluate("units.schema.json", plan.Units));
    }

    [Theory]
    [InlineData("unknown commune", "unit ubnd-tan-canh.jurisdiction", "'ha-noi' is not a commune or town of any plan")]
    [InlineData("the district", "unit ubnd-tan-canh.jurisdiction", "'dak-to' is a district")]
    [InlineData("second committee", "unit ubnd-tan-canh-2.jurisdiction", "already has its committee ubnd-tan-canh")]
    [InlineData("no commune", "unit ubnd-tan-canh.jurisdiction", "names the commune or town it answers for")]
    [InlineData("group with a commune", "unit ubnd-xa.jurisdiction", "names no single commune")]
    [InlineData("department with a commune", "unit yte.jurisdiction", "only a commune People's Committee")]
    [InlineData("unknown group", "unit ubnd-xa.group", "\"province\" is not a group")]
    public void Commune_committee_must_answer_for_one_commune_of_a_plan(string mistake, string location, string words)
    {
        var plan = TwoCommunes();
        var units = plan.Units["units"]!.AsArray();
        JsonObject Unit(string id) => units.Single(unit => (string?)unit!["id"] == id)!.AsObject();
        var schemaFlags = true;
        switch (mistake)
        {
            case "unknown commune": Unit("ubnd-tan-canh")["jurisdiction"] = "ha-noi"; schemaFlags = false; break;
            case "the district": Unit("ubnd-tan-canh")["jurisdiction"] = "dak-to"; schemaFlags = false; break;
            case "second committee": units.Add(Committee("tan-canh", "UBND xã Tân Cảnh (2)")); ((JsonObject)units[^1]!)["id"] = "ubnd-tan-canh-2"; schemaFlags = false; break;
            case "no commune": Unit("ubnd-tan-canh").Remove("jurisdiction"); break;
            case "group with a commune": Unit("ubnd-xa")["jurisdiction"] = "tan-canh"; break;
            case "department with a commune": Unit("yte")["jurisdiction"] = "tan-canh"; break;
            case "unknown group": Unit("ubnd-xa")["group"] = "province"; break;
        }

        var result = plan.Load();

        Assert.Null(result.RuleBook);
        Assert.Contains(result.Problems, problem => problem.File == "units.json" && problem.Location?.ToString() == location && problem.Text.En.Contains(words, StringComparison.Ordinal));
        if (schemaFlags)
        {
            Assert.False(RulesSchemas.Evaluate("units.schema.json", plan.Units));
        }
    }

    [Theory]
    [InlineData("tan-canh", "G1.1a.district", "G1.1a.district is reported for the district as a whole, not for a commune; a commune's report gives G3.1, G2.1", "G1.1a.district là chỉ tiêu cấp huyện, không báo cáo cho từng xã, thị trấn")]
    [InlineData("dak-to", "G2.1", "G2.1 is reported by each commune, not for the district as a whole; the district's report gives G3.1, G1.1a.district, G4.1", "G2.1 là chỉ tiêu do từng xã, thị trấn báo cáo")]
    public void Indicator_given_at_the_wrong_level_rejects_the_report_naming_its_row(string place, string code, string english, string vietnamese)
    {
        var csv = $"period,jurisdiction,indicator,value\n2019,{place},G3.1,97\n2019,{place},{code},20\n";

        var result = ReportReader.Read("bao-cao.csv", Encoding.UTF8.GetBytes(csv), Book);

        Assert.Null(result.Report);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("bao-cao.csv", "row 3, column C (indicator)"), (problem.File, problem.Location?.ToString()));
        Assert.Equal(english, problem.Text.En);
        Assert.StartsWith(vietnamese, problem.Text.Vi, StringComparison.Ordinal);
        Assert.Contains("dòng 3, cột C (indicator)", problem.In(Language.Vietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public void Departments_owe_the_district_report_and_each_committee_its_commune_report()
    {
        var owed = ReportingObligations.For(Book, Period.Annual(2019));

        Assert.Equal(
            [("gddt", "dak-to", "G3.1"), ("noivu", "dak-to", "G1.1a.district"), ("yte", "dak-to", "G4.1"),
             ("ubnd-tan-canh", "tan-canh", "G3.1 G2.1"), ("ubnd-po-ko", "po-ko", "G3.1 G2.1")],
            owed.Select(item => (item.Unit, item.Jurisdiction, string.Join(' ', item.Indicators.Select(indicator => indicator.Code)))));
        Assert.All(owed, item => Assert.Equal(new DateOnly(2019, 11, 25), item.Deadline));
        Assert.DoesNotContain(owed, item => item.Unit == "ubnd-xa");
    }

    [Fact]
    public void Plan_without_commune_indicators_asks_nothing_of_the_communes()
    {
        var plan = TwoCommunes();
        plan.Rules.Remove(plan.Rule("G3.1"));
        plan.Rules.Remove(plan.Rule("G2.1"));

        var owed = ReportingObligations.For(plan.Book(), Period.FirstHalf(2019));

        Assert.Equal(["noivu", "yte"], owed.Select(item => item.Unit));
        Assert.Empty(ReportingObligations.For(plan.Book(), Period.Annual(2021)));
    }
}
