using DocumentFormat.OpenXml.Packaging;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace GenderPlan.Documents.Tests;

/// <summary>The Word draft of the administrative report, read back with OpenXml.</summary>
public sealed class ProvinceDraftTests
{
    private static readonly (IReadOnlyList<string> Paragraphs, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables, IReadOnlySet<string> Fonts) Draft =
        OfficeFiles.ReadDocument(ProvinceReportSample.Draft());

    [Fact]
    public void The_draft_opens_with_the_issuing_body_the_national_emblem_lines_number_date_and_title()
    {
        var letterhead = Draft.Tables[0][0];

        Assert.Equal("UBND HUYỆN ĐĂK TÔPHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘISố: .../BC-LĐTBXH", letterhead[0]);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúcĐăk Tô, ngày ... tháng ... năm ...", letterhead[1]);
        var title = Draft.Paragraphs.ToList().IndexOf("BÁO CÁO");
        Assert.Equal("Kết quả thực hiện Kế hoạch hành động bình đẳng giới năm 2019", Draft.Paragraphs[title + 1]);
    }

    [Fact]
    public void A_half_year_draft_is_titled_for_the_first_six_months()
    {
        var input = ProvinceReportSample.Input();
        var report = ProvinceReportBuilder.Build(input, Core.Domain.Period.FirstHalf(2019));

        Assert.Equal("Kết quả thực hiện Kế hoạch hành động bình đẳng giới 6 tháng đầu năm 2019", DocxReportWriter.Title(report));
    }

    [Fact]
    public void Each_goal_has_a_heading_and_a_paragraph_counting_its_indicators_with_their_figures()
    {
        for (var goal = 1; goal <= 7; goal++)
        {
            var heading = Draft.Paragraphs.ToList().FindIndex(paragraph => paragraph.StartsWith($"{goal}. Mục tiêu {goal}: ", StringComparison.Ordinal));
            Assert.True(heading > 0, $"goal {goal} has no heading");
            Assert.StartsWith($"Mục tiêu {goal} có ", Draft.Paragraphs[heading + 1], StringComparison.Ordinal);
        }

        var third = Draft.Paragraphs.Single(paragraph => paragraph.StartsWith("Mục tiêu 3 có", StringComparison.Ordinal));
        Assert.Equal(
            "Mục tiêu 3 có 3 chỉ tiêu, trong đó: 1 chỉ tiêu đã đạt (tỷ lệ nữ tiến sỹ và tương đương đạt 0%); " +
            "2 chỉ tiêu chưa đạt tiến độ (tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số đạt 97,2% so với chỉ tiêu 98%, chậm tiến độ; " +
            "tỷ lệ nữ thạc sỹ và tương đương đạt 61,5% so với chỉ tiêu 65%, chậm tiến độ).",
            third);
    }

    [Fact]
    public void The_goal_paragraph_names_what_is_not_applicable_and_what_is_missing()
    {
        var report = ProvinceReportBuilder.Build(ProvinceReportSample.Input() with { Results = [] }, ProvinceReportSample.Year);

        Assert.Equal("Mục tiêu 5 có 2 chỉ tiêu, trong đó: 2 chỉ tiêu chưa có số liệu (số sản phẩm văn hóa, thông tin mang định kiến giới; tỷ lệ Đài Truyền thanh - Truyền hình huyện và loa xã có chuyên mục bình đẳng giới).",
            GoalSummary.Write(report.Goals[4]));
        Assert.Contains("1 chỉ tiêu không phát sinh trường hợp nào trong kỳ (tỷ lệ phụ nữ nhiễm HIV", GoalSummary.Write(ProvinceReportSample.Report().Goals[3]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_indicator_table_has_a_row_per_goal_and_per_indicator_with_figures_and_status_words()
    {
        var table = Draft.Tables[1];
        var plan = TestRules.Plan;

        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu 2020", "Kết quả thực hiện", "Đánh giá"], table[0]);
        Assert.Equal(1 + plan.Goals.Count + plan.Indicators.Count, table.Count);
        Assert.Equal(["I", "Mục tiêu 1: Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo"], table[1]);
        var literacy = table.Single(row => row.Count == 6 && row[1].StartsWith("Tỷ lệ biết chữ", StringComparison.Ordinal));
        Assert.Equal(["%", "98%", "97,2%", "Chậm tiến độ"], literacy.Skip(2));
        var staffing = table.Single(row => row.Count == 6 && row[1].StartsWith("Bố trí cán bộ", StringComparison.Ordinal));
        Assert.Equal(["Bố trí đủ cán bộ", "Kiêm nhiệm", "Có nguy cơ không đạt"], staffing.Skip(3));
    }

    [Fact]
    public void The_draft_leaves_the_sections_only_people_can_write_and_ends_with_the_recipients()
    {
        var paragraphs = Draft.Paragraphs.ToList();
        var difficulties = paragraphs.IndexOf("III. KHÓ KHĂN, VƯỚNG MẮC");
        var proposals = paragraphs.IndexOf("IV. ĐỀ XUẤT, KIẾN NGHỊ");

        Assert.True(difficulties > 0 && proposals > difficulties);
        Assert.All(paragraphs.Skip(difficulties + 1).Take(3), line => Assert.Matches("^\\.+$", line));
        Assert.StartsWith("Nơi nhận:- Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum (b/c);- UBND huyện (b/c);", Draft.Tables[2][0][0], StringComparison.Ordinal);
        Assert.Contains("Trong kỳ có 18 cơ quan, đơn vị, UBND xã, thị trấn phải gửi báo cáo; đã gửi 3 báo cáo, trong đó đúng hạn 2, trễ hạn 1 (Phòng Giáo dục và Đào tạo, nhận ngày 28/11/2019)", string.Join("\n", paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_is_set_in_Times_New_Roman_13_and_14_on_A4()
    {
        Assert.Equal(["Times New Roman"], Draft.Fonts);
        using var stream = new MemoryStream(ProvinceReportSample.Draft());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var sizes = body.Elements<Word.Paragraph>().SelectMany(paragraph => paragraph.Descendants<Word.FontSize>()).Select(size => size.Val!.Value).ToHashSet();
        Assert.Contains("28", sizes);
        var tableSizes = body.Elements<Word.Table>().ElementAt(1).Descendants<Word.FontSize>().Select(size => size.Val!.Value).ToHashSet();
        Assert.Equal(["26"], tableSizes);
        var page = body.GetFirstChild<Word.SectionProperties>()!.GetFirstChild<Word.PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
    }
}
