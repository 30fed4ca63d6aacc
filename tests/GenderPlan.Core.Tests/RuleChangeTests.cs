using System.Text;
using System.Text.Json.Nodes;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Rules;

namespace GenderPlan.Core.Tests;

/// <summary>The rules page's edits written into the rules files, and the readable diff between two versions.</summary>
public class RuleChangeTests
{
    private static IReadOnlyList<RuleSource> Shipped() => TestRules.DistrictSources();

    private static Domain.RuleBook Load(IReadOnlyList<RuleSource> sources) => RuleBookLoader.Load(sources).RuleBook ?? throw new InvalidOperationException(string.Join("; ", RuleBookLoader.Load(sources).Problems));

    [Fact]
    public void Edit_written_the_Vietnamese_way_changes_the_rule_and_the_diff_says_so()
    {
        var edited = RuleEdits.Apply(Shipped(), new RulesEdit(
            [new IndicatorEdit("G3.1", null, "97,5", null, "ldtbxh", ["hlhpn", "ubnd-xa"])],
            [new UnitEdit("yte", ["yte@example.org", "phongyte@example.org"])]));

        Assert.Empty(edited.Problems);
        var book = Load(edited.Sources);
        var literacy = book.Plans[0].FindIndicator("G3.1")!;
        Assert.Equal((97.5m, "ldtbxh"), (literacy.Target, literacy.Lead));
        Assert.Equal(
            ["G3.1: chỉ tiêu 98% → 97,5%", "G3.1: đơn vị chủ trì gddt → ldtbxh", "G3.1: thêm đơn vị phối hợp hlhpn", "yte: thêm địa chỉ phongyte@example.org"],
            RulesDiff.Between(TestRules.Book, book));
    }

    [Fact]
    public void Edit_with_a_word_for_a_number_or_an_unknown_code_is_refused_naming_it()
    {
        var edited = RuleEdits.Apply(Shipped(), new RulesEdit([new IndicatorEdit("G3.1", null, "chín mươi", null, null, null), new IndicatorEdit("G9.9", null, "1", null, null, null)], null));

        Assert.Empty(edited.Sources);
        Assert.Equal(["'chín mươi' không phải là một số (viết ví dụ 96,5)", "không có chỉ tiêu G9.9"], edited.Problems.Select(problem => problem.Text.Vi));
    }

    [Fact]
    public void Unchanged_rules_have_no_diff_and_the_first_version_says_what_it_holds()
    {
        Assert.Empty(RulesDiff.Between(TestRules.Book, Load(Shipped())));
        Assert.StartsWith("phiên bản đầu tiên: 28 chỉ tiêu", Assert.Single(RulesDiff.Between(null, TestRules.Book)), StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_the_compound_path_or_dropping_an_election_is_listed_as_a_change()
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["path"] = "compound";
        var council = TestRules.Rule(workflow, "G1.1b.district")["Properties"]!.AsObject();
        council.Remove("changesAt");
        council.Remove("electionYears");

        var changed = TestRules.Load(workflow).RuleBook!;

        Assert.Equal(
            ["dak-to-2016-2020: lộ trình đánh giá tiến độ đường thẳng → tăng trưởng kép", "G1.1b.district: không còn đánh giá theo kết quả bầu cử"],
            RulesDiff.Between(TestRules.Book, changed));
        Assert.Equal(["G1.1b.district: chỉ thay đổi khi bầu cử (năm 2016, 2021)"], RulesDiff.Between(changed, TestRules.Book).Where(line => line.StartsWith("G1.1b", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_place_added_to_a_plan_and_a_moved_first_day_in_the_places_file_are_listed_as_changes()
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["jurisdictions"]!.AsArray().Add(new JsonObject { ["id"] = "xa-moi", ["name"] = "Xã Mới" });
        var places = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRules.RulesDirectory, "dak-to-2025.places.json")))!.AsObject();
        places["places"]!.AsArray().Single(place => (string?)place!["id"] == "xa-ngok-tu")!["from"] = "2025-08-01";

        var changed = Load(
        [
            new RuleSource("dak-to-2016-2020.workflow.json", Encoding.UTF8.GetBytes(workflow.ToJsonString())),
            .. Shipped().Where(source => source.IsUnits),
            new RuleSource("dak-to-2025.places.json", Encoding.UTF8.GetBytes(places.ToJsonString())),
        ]);

        Assert.Equal(
            ["dak-to-2016-2020: thêm địa bàn Xã Mới (xa-moi): commune", "tệp địa bàn: Xã Ngọk Tụ: từ ngày 01/07/2025 → 01/08/2025"],
            RulesDiff.Between(TestRules.Book, changed));
        Assert.Equal(
            ["dak-to-2016-2020: bỏ địa bàn Xã Mới (xa-moi)", "tệp địa bàn: Xã Ngọk Tụ: từ ngày 01/08/2025 → 01/07/2025"],
            RulesDiff.Between(changed, TestRules.Book));
    }

    [Fact]
    public void Edits_keep_the_files_readable_with_diacritics()
    {
        var edited = RuleEdits.Apply(Shipped(), new RulesEdit([new IndicatorEdit("G4.1", null, "106", null, null, null)], null));

        var workflow = Encoding.UTF8.GetString(edited.Sources.Single(source => source.IsWorkflow).Content.Span);
        Assert.Contains("Tỷ số giới tính khi sinh", workflow, StringComparison.Ordinal);
    }
}
