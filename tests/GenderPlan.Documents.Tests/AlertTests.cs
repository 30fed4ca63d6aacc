using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;

namespace GenderPlan.Documents.Tests;

/// <summary>Who is alerted, when and how, on rules written here with the lead and coordinating units they name.</summary>
public class AlertTests
{
    private static readonly Lazy<RuleBook> Book = new(SmallPlan.With(
        SmallPlan.Rule("G2.2", ">=", baseline: 2.1m, target: 20m, lead: "ldtbxh", coordinating: ["hlhpn", "ubnd-xa"]),
        SmallPlan.Rule("G2.3", ">=", baseline: 30m, target: 45m, lead: "ldtbxh", coordinating: ["hlhpn", "ubnd-xa"]),
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m, lead: "gddt", coordinating: ["ubnd-xa"]),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls", lead: "yte", coordinating: ["hlhpn", "ubnd-xa"])).Book);

    private static Scorecard Card(params (string Code, decimal Value)[] values)
    {
        var plan = Book.Value.Plans.Single();
        return Scorer.Score(new Report("r.csv", Period.Annual(2019), "dak-to", plan,
            values.Select((value, row) => new ReportedValue(plan.FindIndicator(value.Code)!, Measurement.Of(value.Value), row + 2, null)).ToList()));
    }

    private static ReportReference Reference(string file = "bao-cao.csv") => new("key-1", file, "gddt", Period.Annual(2019), "Huyện Đăk Tô");

    [Theory]
    [InlineData(null, 97.2, "alert")]            // first time behind
    [InlineData("falling-behind", 97.2, "none")] // same status again
    [InlineData("falling-behind", 96, "alert")]  // worse: off track now
    [InlineData("off-track", 98.5, "resolved")]  // met now
    [InlineData("falling-behind", 97.8, "resolved")] // on track now
    [InlineData(null, 98.5, "none")]             // fine, never alerted
    public void Units_are_alerted_once_per_status_and_told_when_an_indicator_recovers(string? before, double value, string expected)
    {
        var alerted = before is null ? new Dictionary<string, Status>() : new Dictionary<string, Status> { ["G3.1"] = Parse(before) };

        var plan = AlertPlanner.Plan(Card(("G3.1", (decimal)value)), alerted);

        var outcome = plan.Behind.Count > 0 ? "alert" : plan.Recovered.Count > 0 ? "resolved" : "none";
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Missed_indicator_is_alerted_with_its_own_word_and_symbol()
    {
        var plan = Book.Value.Plans.Single();
        var card = Scorer.Score(new Report("r.csv", Period.Annual(2020), "dak-to", plan, [new ReportedValue(plan.FindIndicator("G3.1")!, Measurement.Of(97.9m), 2, null)]));
        var composer = new AlertComposer(Book.Value, null);

        var alerts = composer.Alerts(new ReportReference("key-2", "bao-cao.csv", "gddt", Period.Annual(2020), "Huyện Đăk Tô"), AlertPlanner.Plan(card, new Dictionary<string, Status>()));

        var alert = Assert.Single(alerts);
        Assert.StartsWith("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu ", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("■ Không đạt", alert.Html, StringComparison.Ordinal);
        Assert.Contains("color:#6a1b9a", alert.Html, StringComparison.Ordinal);
        Assert.Contains("Mục tiêu đến năm 2020", alert.Html, StringComparison.Ordinal);
        Assert.Contains("Kết quả thực hiện", alert.Html, StringComparison.Ordinal);
        Assert.Contains("Kết quả 97,9% không đạt chỉ tiêu 98% của năm 2020.", alert.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-H1", "2020-06-14", "V/v đề nghị gửi báo cáo 6 tháng đầu năm 2020 kết quả thực hiện Kế hoạch hành động bình đẳng giới", "trước ngày 15/6/2020. Đến nay, Phòng Lao động - Thương binh và Xã hội chưa nhận được báo cáo của Phòng Giáo dục và Đào tạo (hôm nay là ngày cuối cùng của thời hạn gửi báo cáo)")]
    [InlineData("2019", "2019-11-20", "V/v đề nghị gửi báo cáo năm 2019 kết quả thực hiện Kế hoạch hành động bình đẳng giới", "trước ngày 25/11/2019. Đến nay, Phòng Lao động - Thương binh và Xã hội chưa nhận được báo cáo của Phòng Giáo dục và Đào tạo (còn 4 ngày)")]
    public void Reminder_names_the_period_as_officials_write_it_and_says_when_it_is_the_last_day(string period, string today, string subject, string daysLeft)
    {
        var composer = new AlertComposer(Book.Value, null);

        var reminder = composer.Reminder("gddt", Period.Parse(period), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(subject, reminder.Subject);
        Assert.Contains(daysLeft, reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("còn 0 ngày", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("genderplan", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("genderplan", reminder.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("kỳ " + period, reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_notice_lists_problems_in_Vietnamese_by_place_and_indicator_name_without_the_file()
    {
        var composer = new AlertComposer(TestRules.Book, null);
        var problem = Messages.OutsidePercent.At("sai.csv", ProblemLocation.Cell(3, "D", "value").WithIndicator("G3.1"), "101");

        var notice = composer.Rejected("key-3", "gddt/sai.csv", "gddt", [problem]);

        Assert.Contains("- dòng 3, cột D (value), chỉ tiêu “Tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số”: 101% nằm ngoài khoảng 0-100", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Báo cáo Phòng Giáo dục và Đào tạo gửi chưa được tiếp nhận do có 1 lỗi", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Phòng Giáo dục và Đào tạo chỉnh sửa và gửi lại báo cáo.", notice.Text, StringComparison.Ordinal);
        Assert.Contains("<li>dòng 3, cột D (value), chỉ tiêu “Tỷ lệ biết chữ", notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("sai.csv", notice.Html + notice.Text + notice.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("G3.1", notice.Html + notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("row 3", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_alert_per_lead_unit_with_coordinators_copied_once()
    {
        var card = Card(("G3.1", 97.2m), ("G2.3", 38m), ("G2.2", 0m), ("G4.1", 108m));
        var composer = new AlertComposer(Book.Value, "https://scorecard.example.org/");

        var alerts = composer.Alerts(Reference(), AlertPlanner.Plan(card, new Dictionary<string, Status>()));

        Assert.Equal(3, alerts.Count);
        // ldtbxh leads G2.2 and G2.3: it is the recipient, and is not copied on its own alert.
        var labour = alerts.Single(alert => alert.To.Any(to => to.Address == "ldtbxh@example.org"));
        Assert.Equal(["hlhpn@example.org", "ubnd-xa@example.org"], labour.Cc.Select(cc => cc.Address));
        Assert.Contains("Chỉ tiêu G2.2", labour.Text, StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu G2.3", labour.Text, StringComparison.Ordinal);
        var education = alerts.Single(alert => alert.To.Any(to => to.Address == "gddt@example.org"));
        Assert.Equal(["ubnd-xa@example.org", "ldtbxh@example.org"], education.Cc.Select(cc => cc.Address));
        Assert.Equal("Phòng Giáo dục và Đào tạo", education.To.Single().Name);
        Assert.Contains("<a href=\"https://scorecard.example.org/\">", education.Html, StringComparison.Ordinal);
        Assert.Contains("color:#a15c00", education.Html, StringComparison.Ordinal);
        Assert.Contains("▲ Chậm tiến độ", education.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Falling behind", education.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_report_gives_the_same_alert_ids_so_reprocessing_stores_nothing_new()
    {
        var composer = new AlertComposer(Book.Value, null);
        var plan = AlertPlanner.Plan(Card(("G3.1", 97.2m)), new Dictionary<string, Status>());

        Assert.Equal(composer.Alerts(Reference(), plan).Single().Id, composer.Alerts(Reference(), plan).Single().Id);
        Assert.NotEqual(composer.Alerts(Reference(), plan).Single().Id, composer.Alerts(Reference() with { Key = "key-2" }, plan).Single().Id);
    }

    [Fact]
    public void Text_from_a_file_is_escaped_in_the_body_and_never_reaches_a_header()
    {
        var composer = new AlertComposer(Book.Value, null);
        var problems = new[] { Messages.NotANumber.At("x.csv", ProblemLocation.Cell(2, "D", "value"), "<script>alert(1)</script>") };

        var notice = composer.Rejected("key", "yte/<img src=x onerror=alert(1)>\r\nBcc: all@example.org.csv", "yte", problems);

        Assert.DoesNotContain("<script>", notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", notice.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', notice.Subject);
        Assert.DoesNotContain('\r', notice.Subject);
        Assert.Equal(["ldtbxh@example.org", "yte@example.org"], notice.To.Select(to => to.Address));
    }

    [Theory]
    [InlineData("Cảnh báo\r\nBcc: x@example.org", "Phòng Y tế")]
    [InlineData("Cảnh báo", "Phòng Y tế\nBcc: x@example.org")]
    public void Email_refuses_line_breaks_in_headers(string subject, string name)
    {
        Assert.Throws<ArgumentException>(() => new EmailMessage("id", [new EmailAddress("yte@example.org", name)], [], subject, "<p>x</p>", "x"));
    }

    [Fact]
    public void Email_refuses_an_address_twice()
    {
        Assert.Throws<ArgumentException>(() => new EmailMessage("id", [new EmailAddress("yte@example.org")], [new EmailAddress("YTE@example.org")], "s", "h", "t"));
    }

    [Fact]
    public void Rejection_notice_lists_at_most_fifty_problems()
    {
        var problems = Enumerable.Range(1, 120).Select(row => Messages.AsWritten.At("x.csv", ProblemLocation.SheetRow(row), "bad")).ToList();

        var notice = new AlertComposer(Book.Value, null).Rejected("key", "x.csv", null, problems);

        Assert.Contains("dòng 50:", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("dòng 51:", notice.Text, StringComparison.Ordinal);
        Assert.Contains("(+70)", notice.Text, StringComparison.Ordinal);
    }

    private static Status Parse(string word) => StatusText.TryParse(word, out var status) ? status : throw new ArgumentException(word);
}
