using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// Every email reads as an official letter (công văn) from the plan's coordinator office, as a district official would
/// write it: one language, the indicators by name, a request with a date, the office's signature.
/// </summary>
public partial class OfficialLetterTests
{
    /// <summary>4 December 2026, 09:00 in Vietnam.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_email_is_a_Vietnamese_letter_without_codes_file_names_or_English()
    {
        foreach (var (kind, email) in EveryEmail(TestRules.Book))
        {
            var all = email.Subject + "\n" + email.Html + "\n" + email.Text;
            Assert.StartsWith("V/v ", email.Subject, StringComparison.Ordinal);
            Assert.StartsWith("UBND HUYỆN ĐĂK TÔ\nPHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nV/v ", email.Text, StringComparison.Ordinal);
            Assert.Matches("\nKính gửi: [^\n]+\\.\n", email.Text);
            Assert.Contains("\nTrân trọng./.\n\nPHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", email.Text, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"vi\">", email.Html, StringComparison.Ordinal);
            Assert.Contains("Kính gửi: <b>", email.Html, StringComparison.Ordinal);
            Assert.DoesNotMatch(IndicatorCode(), all);
            foreach (var machine in new[] { ".csv", ".xlsx", ".json", "GenderPlan", "Dear", "Cảnh báo", "\n---\n", "<hr", "lang=\"en\"", "Please", "indicator" })
            {
                Assert.False(all.Contains(machine, StringComparison.Ordinal), $"{kind} holds \"{machine}\":\n{all}");
            }
        }
    }

    [Theory]
    [InlineData(2, 15, "19/12/2026")]   // 09:00 in Vietnam on 4 December, fifteen days
    [InlineData(18, 15, "20/12/2026")]  // 18:00 UTC is already 5 December in Vietnam
    [InlineData(2, 10, "14/12/2026")]   // a shorter time set by the plan's office
    public void Alert_asks_the_lead_unit_to_report_back_by_a_date_counted_from_today_in_Vietnam(int utcHour, int days, string date)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 4, utcHour, 0, 0, TimeSpan.Zero));
        var composer = new AlertComposer(TestRules.Book, null, clock: clock, responseDays: days);

        var alert = Assert.Single(composer.Alerts(Reference("yte"), Behind(("G4.1", 108m))));

        Assert.Equal("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu tỷ số giới tính khi sinh", alert.Subject);
        Assert.Contains("Kính gửi: Phòng Y tế.", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Tỷ số giới tính khi sinh: kết quả thực hiện 108 trẻ trai/100 trẻ gái; kỳ này cần đạt không quá 105 trẻ trai/100 trẻ gái", alert.Text, StringComparison.Ordinal);
        Assert.Contains("kết quả năm 2019 tại huyện Đăk Tô", alert.Text, StringComparison.Ordinal);
        Assert.Contains(
            $"Đề nghị Phòng Y tế rà soát, có giải pháp đẩy nhanh tiến độ và báo cáo kết quả về Phòng Lao động - Thương binh và Xã hội trước ngày {date}.",
            alert.Text, StringComparison.Ordinal);
        Assert.Contains($"trước ngày <b>{date}</b>", alert.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_board_gets_the_same_respectful_request_as_every_department()
    {
        var composer = new AlertComposer(TestRules.Book, null, clock: new FixedClock(Now));

        var alert = Assert.Single(composer.Alerts(Reference("btchu"), Behind(("G1.1a.commune", 25.9m))));

        Assert.Equal("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu tỷ lệ nữ tham gia cấp ủy Đảng cấp xã", alert.Subject);
        Assert.Contains("Kính gửi: Ban Tổ chức Huyện ủy.", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Ban Tổ chức Huyện ủy rà soát, có giải pháp đẩy nhanh tiến độ và báo cáo kết quả về Phòng Lao động - Thương binh và Xã hội trước ngày 19/12/2026.", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:\n- Như trên;\n- Ủy ban nhân dân các xã, thị trấn;\n- Lưu: VT.", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Office_leading_an_indicator_itself_asks_its_own_staff_rather_than_itself()
    {
        var composer = new AlertComposer(TestRules.Book, null, clock: new FixedClock(Now));

        var alert = Assert.Single(composer.Alerts(Reference("ldtbxh"), Behind(("G2.3", 38m))));

        Assert.Contains("Kính gửi: Phòng Lao động - Thương binh và Xã hội.", alert.Text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị bộ phận chuyên môn phụ trách rà soát, có giải pháp đẩy nhanh tiến độ và báo cáo kết quả trước ngày 19/12/2026.", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("báo cáo kết quả về Phòng Lao động", alert.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lưu: VT", alert.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "G3.1" }, "chỉ tiêu tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số")]
    [InlineData(new[] { "G4.1", "G4.2" }, "chỉ tiêu tỷ số giới tính khi sinh và chỉ tiêu tỷ lệ tử vong bà mẹ liên quan đến thai sản")]
    [InlineData(new[] { "G4.1", "G4.3a", "G4.4" }, "3 chỉ tiêu thuộc Mục tiêu 4")]
    [InlineData(new[] { "G2.2", "G7.4", "G2.3" }, "3 chỉ tiêu của Kế hoạch hành động bình đẳng giới")]
    public void Subject_names_the_indicators_in_words_or_counts_them_by_goal(string[] codes, string named)
    {
        var composer = new AlertComposer(TestRules.Book, null, clock: new FixedClock(Now));
        var card = new Scorecard("r.csv", Period.Annual(2019), "dak-to", TestRules.Plan.Id, TestRules.Plan.Version,
            [.. codes.Select(code => Scorer.ScoreOne(TestRules.Indicator(code), Measurement.Of(TestRules.Indicator(code).Direction == Direction.AtMost ? 1000m : 0m), Period.Annual(2019)))]);

        var alert = composer.Alerts(Reference("x"), AlertPlanner.Plan(card, new Dictionary<string, Status>()))[0];

        Assert.Equal("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện " + named, alert.Subject);
    }

    [Fact]
    public void Unit_that_asks_for_English_gets_its_letters_in_English_only()
    {
        var units = TestRules.UnitsJson();
        units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "yte")!["language"] = "en";
        var book = TestRules.Load(TestRules.WorkflowJson(), units).RuleBook!;
        var composer = new AlertComposer(book, "https://scorecard.example.org/", clock: new FixedClock(Now));

        var health = Assert.Single(composer.Alerts(Reference("yte"), Behind(("G4.1", 108m))));
        var reminder = composer.Reminder("yte", Period.Annual(2020), new DateOnly(2020, 11, 18));
        var education = Assert.Single(composer.Alerts(Reference("gddt"), Behind(("G3.1", 97.2m))));

        foreach (var email in new[] { health, reminder })
        {
            Assert.Contains("<html lang=\"en\">", email.Html, StringComparison.Ordinal);
            Assert.Contains("\nTo: Health Division.\n", email.Text, StringComparison.Ordinal);
            Assert.Contains("\nYours faithfully,\n\nLABOUR, INVALIDS AND SOCIAL AFFAIRS DIVISION", email.Text, StringComparison.Ordinal);
            foreach (var vietnamese in new[] { "Kính gửi", "Đề nghị", "Trân trọng", "Phòng", "năm 2019", "Chậm tiến độ", "Có nguy cơ" })
            {
                Assert.DoesNotContain(vietnamese, email.Subject + email.Html + email.Text, StringComparison.Ordinal);
            }
        }

        Assert.Equal("Request to review and speed up progress on the indicator “Sex ratio at birth”", health.Subject);
        Assert.Contains("Health Division is requested to review these indicators, take measures to speed up progress and report the results to Labour, Invalids and Social Affairs Division by 19/12/2026.", health.Text, StringComparison.Ordinal);
        Assert.Contains("Off track", health.Html, StringComparison.Ordinal);
        Assert.StartsWith("V/v đề nghị", education.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Division", education.Text.Replace("Kính gửi", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_is_the_coordinator_office_as_units_json_names_it()
    {
        var units = TestRules.UnitsJson();
        units["units"]!.AsArray().Single(unit => (string?)unit!["id"] == "ldtbxh")!["name"] = "Phòng Nội vụ - Lao động - Thương binh và Xã hội";
        var book = TestRules.Load(TestRules.WorkflowJson(), units).RuleBook!;

        var alert = Assert.Single(new AlertComposer(book, null, clock: new FixedClock(Now)).Alerts(Reference("yte"), Behind(("G4.1", 108m))));

        Assert.Contains("\nTrân trọng./.\n\nPHÒNG NỘI VỤ - LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n", alert.Text, StringComparison.Ordinal);
        Assert.Contains("<b>PHÒNG NỘI VỤ - LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI</b>", alert.Html, StringComparison.Ordinal);
        Assert.Contains("báo cáo kết quả về Phòng Nội vụ - Lao động - Thương binh và Xã hội trước ngày", alert.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResolvedBecause.FigureImproved, "V/v kết quả thực hiện chỉ tiêu tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số đã đạt tiến độ", "đã được cải thiện, đạt tiến độ đề ra", "điều chỉnh")]
    [InlineData(ResolvedBecause.RulesChanged, "V/v điều chỉnh kết quả đánh giá chỉ tiêu tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số do thay đổi mục tiêu, lộ trình", "không phải do số liệu thực hiện được cải thiện", "đã được cải thiện, đạt")]
    public void Resolved_notice_says_whether_the_figure_improved_or_the_target_changed(ResolvedBecause because, string subject, string says, string never)
    {
        var composer = new AlertComposer(TestRules.Book, null, clock: new FixedClock(Now));
        var recovered = AlertPlanner.Plan(Card(("G3.1", 98.5m)), new Dictionary<string, Status> { ["G3.1"] = Status.FallingBehind });

        var notice = Assert.Single(composer.ResolvedNotices(Reference("gddt") with { Resolution = because }, recovered));

        Assert.Equal(subject, notice.Subject);
        Assert.Contains(says, notice.Text, StringComparison.Ordinal);
        Assert.Contains(says, notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(never, notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_and_text_parts_say_the_same_sentences()
    {
        foreach (var (kind, email) in EveryEmail(TestRules.Book))
        {
            var html = System.Net.WebUtility.HtmlDecode(Tag().Replace(Regex.Replace(email.Html, "<br>|</p>|</td>|</li>", "\n"), ""));
            var sentences = email.Text.Split('\n').Where(line => line.Length > 30 && !line.StartsWith("- ", StringComparison.Ordinal) && !Regex.IsMatch(line, "^[0-9]+\\. ")).ToList();
            Assert.NotEmpty(sentences);
            Assert.All(sentences, sentence => Assert.True(Squash(html).Contains(Squash(sentence), StringComparison.Ordinal), $"{kind}: the HTML part lacks \"{sentence}\""));
        }
    }

    private static string Squash(string text) => Regex.Replace(text, "\\s+", " ").Trim();

    private static IEnumerable<(string Kind, EmailMessage Email)> EveryEmail(RuleBook rules)
    {
        var composer = new AlertComposer(rules, "https://scorecard.example.org/", clock: new FixedClock(Now));
        var plan = rules.Plans[0];
        var problems = new[] { Messages.NotANumber.At("x.csv", ProblemLocation.Cell(2, "D", "value").WithIndicator("G3.1"), "abc") };
        var change = new StatusChange("G3.1", "dak-to", Period.Annual(2019), Status.FallingBehind, Status.OnTrack, false);
        yield return ("alert", composer.Alerts(Reference("gddt"), Behind(("G3.1", 97.2m)))[0]);
        yield return ("commune alert", composer.Alerts(Reference("ubnd-tan-canh") with { Jurisdiction = "Xã Tân Cảnh", Committee = "ubnd-tan-canh" }, Behind(("G4.1", 112m)))[0]);
        yield return ("resolved", composer.ResolvedNotices(Reference("gddt"), AlertPlanner.Plan(Card(("G3.1", 98.5m)), new Dictionary<string, Status> { ["G3.1"] = Status.OffTrack }))[0]);
        yield return ("reminder", composer.Reminder("yte", Period.FirstHalf(2020), new DateOnly(2020, 6, 8)));
        yield return ("overdue", composer.Overdue("yte", Period.Annual(2020)));
        yield return ("discrepancy", composer.Discrepancy(plan, Period.Annual(2019), plan.FindIndicator("G4.3a")!, 90m, 88m, new Coverage(9, 9, [])));
        yield return ("rejected", composer.Rejected("k", "yte/x.csv", "yte", problems));
        yield return ("rejected, unknown sender", composer.Rejected("k", "x.csv", null, problems));
        yield return ("processing failed", composer.ProcessingFailed("k", "yte/x.csv", "yte", "storage fault"));
        yield return ("rules refused", composer.RulesRefused("k", "x.workflow.json", "v1", problems, null));
        yield return ("rules changed", composer.RulesChanged("v2", Now, "ldtbxh@example.org", ["Chỉ tiêu: mục tiêu 98 → 97"], [change]));
    }

    private static ReportReference Reference(string unit) => new("key-1", unit + "/bao-cao-2019.csv", unit, Period.Annual(2019), "Huyện Đăk Tô");

    private static AlertPlan Behind(params (string Code, decimal Value)[] values) => AlertPlanner.Plan(Card(values), new Dictionary<string, Status>());

    private static Scorecard Card(params (string Code, decimal Value)[] values) =>
        Scorer.Score(new Report("r.csv", Period.Annual(2019), "dak-to", TestRules.Plan,
            [.. values.Select((value, row) => new ReportedValue(TestRules.Indicator(value.Code), Measurement.Of(value.Value), row + 2, null))]));

    [GeneratedRegex("\\bG[1-7]\\.[0-9]")]
    private static partial Regex IndicatorCode();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
    [Fact]
    public void Rules_summary_names_indicators_plans_and_units_where_the_rules_page_gives_codes()
    {
        var composer = new AlertComposer(TestRules.Book, null, clock: new FixedClock(Now));
        string[] diff = ["G3.1: chỉ tiêu 98% → 99,5%", "G4.1: đơn vị chủ trì yte → noivu", $"{TestRules.Plan.Id}: lộ trình đánh giá tiến độ đường thẳng → tăng trưởng kép"];

        var letter = composer.RulesChanged("v2", Now, "ldtbxh", diff, []);

        Assert.Contains("- Tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số: chỉ tiêu 98% → 99,5%", letter.Text, StringComparison.Ordinal);
        Assert.Contains("- Tỷ số giới tính khi sinh: đơn vị chủ trì Phòng Y tế → Phòng Nội vụ", letter.Text, StringComparison.Ordinal);
        Assert.Contains($"- {TestRules.Plan.Name.Vi}: lộ trình", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("G3.1", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("yte", letter.Text, StringComparison.Ordinal);
    }
}
