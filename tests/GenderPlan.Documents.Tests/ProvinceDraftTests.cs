using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace GenderPlan.Documents.Tests;

/// <summary>What the Word draft says, read back with OpenXml: the documents it cites, the plan's chỉ tiêu, the sections an official expects.</summary>
public sealed class ProvinceDraftTests
{
    private static readonly (IReadOnlyList<string> Paragraphs, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables, IReadOnlySet<string> Fonts) Draft =
        OfficeFiles.ReadDocument(ProvinceReportSample.Draft());

    private static List<string> Paragraphs => [.. Draft.Paragraphs];

    /// <summary>Every word of the document: body paragraphs and table cells.</summary>
    private static string AllText => string.Join("\n", Draft.Paragraphs.Concat(Draft.Tables.SelectMany(table => table.SelectMany(row => row))));

    [Fact]
    public void The_draft_opens_with_the_issuing_bodies_the_national_emblem_lines_and_number_and_dated_place_on_one_line()
    {
        var letterhead = Draft.Tables[0];

        Assert.Equal(["UBND HUYỆN ĐĂK TÔPHÒNG LAO ĐỘNG - THƯƠNG BINHVÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc"], letterhead[0]);
        Assert.Equal(["Số:       /BC-LĐTBXH", "Đăk Tô, ngày 30 tháng 11 năm 2019"], letterhead[1]);
        var title = Paragraphs.IndexOf("BÁO CÁO");
        Assert.Equal("Kết quả thực hiện Kế hoạch hành động bình đẳng giới năm 2019", Draft.Paragraphs[title + 1]);
    }

    [Theory]
    [InlineData("2020-01-05", "Đăk Tô, ngày 05 tháng 01 năm 2020", "05/01/2020")]
    [InlineData("2019-11-28", "Đăk Tô, ngày 28 tháng 11 năm 2019", "28/11/2019")]
    [InlineData("2020-03-09", "Đăk Tô, ngày 09 tháng 3 năm 2020", "09/3/2020")]
    [InlineData("2020-02-15", "Đăk Tô, ngày 15 tháng 02 năm 2020", "15/02/2020")]
    public void Days_below_10_and_the_months_January_and_February_are_zero_padded(string date, string line, string cited)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(line, ReportText.PlaceAndDate("Đăk Tô", day));
        Assert.Equal(cited, ReportText.CitedDate(day));
        Assert.Contains(line, OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(ProvinceReportSample.Report() with { Date = day }).Content).Tables[0][1]);
    }

    [Fact]
    public void A_half_year_draft_is_titled_for_the_first_six_months()
    {
        var report = ProvinceReportBuilder.Build(ProvinceReportSample.Input(), Period.FirstHalf(2019));

        Assert.Equal("Kết quả thực hiện Kế hoạch hành động bình đẳng giới 6 tháng đầu năm 2019", DocxReportWriter.Title(report));
    }

    [Fact]
    public void The_opening_cites_the_district_plan_and_the_province_plan_it_carries_out_from_the_plan_file()
    {
        var plan = TestRules.Plan;
        var opening = Paragraphs.Single(paragraph => paragraph.StartsWith("Thực hiện ", StringComparison.Ordinal));

        Assert.StartsWith("Thực hiện Kế hoạch số 37/KH-UBND ngày 01/7/2016 của UBND huyện Đăk Tô (Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020), triển khai Kế hoạch số 7383/KH-UBND ngày 13/4/2016 của UBND tỉnh Kon Tum;", opening, StringComparison.Ordinal);
        Assert.EndsWith("Phòng Lao động - Thương binh và Xã hội huyện báo cáo kết quả thực hiện năm 2019 như sau:", opening, StringComparison.Ordinal);
        // The words come from the plan file's header, not from code.
        Assert.Equal(($"Kế hoạch số {plan.AdoptedBy!.Number} ngày 01/7/2016 của {plan.AdoptedBy.Issuer.Vi}", "Kế hoạch số 7383/KH-UBND ngày 13/4/2016 của UBND tỉnh Kon Tum"), (ReportText.Cite(plan.AdoptedBy), ReportText.Cite(plan.Implements!)));
    }

    [Theory]
    [InlineData("28/NQ-CP", "Chính phủ", "Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ")]
    [InlineData("2282/QĐ-TTg", "Thủ tướng Chính phủ", "Quyết định số 2282/QĐ-TTg ngày 03/3/2021 của Thủ tướng Chính phủ")]
    [InlineData("37/KH-UBND", "UBND huyện Đăk Tô", "Kế hoạch số 37/KH-UBND ngày 03/3/2021 của UBND huyện Đăk Tô")]
    public void A_cited_document_is_named_by_the_kind_its_symbol_gives(string number, string issuer, string cited)
    {
        var document = new PlanDocument(number, new DateOnly(2021, 3, 3), new LocalizedText(issuer, issuer));

        Assert.Equal(cited, ReportText.Cite(document));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    public void Each_goal_counts_and_numbers_its_chi_tieu_as_the_plan_does(int goal, int count)
    {
        var heading = Paragraphs.FindIndex(paragraph => paragraph.StartsWith($"{goal}. Mục tiêu {goal}: ", StringComparison.Ordinal));

        Assert.True(heading > 0, $"goal {goal} has no heading");
        Assert.Equal($"Mục tiêu {goal} có {count} chỉ tiêu, kết quả thực hiện như sau:", Draft.Paragraphs[heading + 1]);
        var next = Paragraphs.FindIndex(heading + 1, paragraph => Regex.IsMatch(paragraph, "^(\\d\\. Mục tiêu|\\(Kết quả cụ thể)"));
        var numbers = Paragraphs[(heading + 2)..next].Where(paragraph => paragraph.StartsWith("- Chỉ tiêu ", StringComparison.Ordinal)).ToList();
        Assert.Equal([.. Enumerable.Range(1, count).Select(number => $"- Chỉ tiêu {number}:")], numbers.Select(paragraph => paragraph[..(paragraph.IndexOf(':', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public void A_chi_tieu_measured_in_parts_lists_them_under_it_the_last_ending_with_a_full_stop()
    {
        var first = Paragraphs.IndexOf("- Chỉ tiêu 1:");
        string[] parts =
        [
            "+ Tỷ lệ nữ tham gia cấp ủy Đảng cấp huyện đạt 16,1%, ",
            "+ Tỷ lệ nữ tham gia cấp ủy Đảng cấp xã đạt 25,9%, ",
            "+ Tỷ lệ nữ đại biểu Hội đồng nhân dân cấp huyện đạt 34,5%, ",
            "+ Tỷ lệ nữ đại biểu Hội đồng nhân dân cấp xã đạt 34,2%, ",
        ];

        // The verdict words after each figure are the scorer's (straight line or compound path); the figures and the form are the report's.
        Assert.All(parts.Select((part, index) => (part, Paragraphs[first + 1 + index])), pair => Assert.StartsWith(pair.part, pair.Item2, StringComparison.Ordinal));
        Assert.All(Paragraphs[(first + 1)..(first + 4)], part => Assert.EndsWith(";", part, StringComparison.Ordinal));
        Assert.EndsWith("đến năm 2020.", Paragraphs[first + 4], StringComparison.Ordinal);
        Assert.StartsWith("- Chỉ tiêu 2: Tỷ lệ Ủy ban nhân dân", Paragraphs[first + 5], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- Chỉ tiêu 1: Tỷ số giới tính khi sinh ở mức 108 trẻ trai/100 trẻ gái, ")]
    [InlineData("- Chỉ tiêu 1: Không có sản phẩm văn hóa, thông tin mang định kiến giới, đạt chỉ tiêu kế hoạch.")]
    [InlineData("- Chỉ tiêu 3: Cán bộ làm công tác bình đẳng giới được bố trí kiêm nhiệm, ")]
    [InlineData("- Chỉ tiêu 1: Tỷ lệ lao động nữ trong số lao động được tạo việc làm mới đạt 52,3%, đạt chỉ tiêu hằng năm (50%).")]
    [InlineData("+ Tỷ lệ nữ tiến sỹ và tương đương đạt 0%; kế hoạch của huyện không đặt mức phấn đấu cho chỉ tiêu này.")]
    [InlineData("+ Tỷ lệ phụ nữ nhiễm HIV đủ tiêu chuẩn được điều trị ARV: trong kỳ không phát sinh trường hợp nào.")]
    [InlineData("- Chỉ tiêu 2: Tỷ lệ thành viên Ban soạn thảo, Tổ biên tập được tập huấn về giới đạt 100%, đạt chỉ tiêu kế hoạch (100% đến năm 2020).")]
    public void Each_result_reads_as_an_official_writes_it(string sentence) =>
        Assert.Contains(Draft.Paragraphs, paragraph => paragraph == sentence || (sentence.EndsWith(' ') && paragraph.StartsWith(sentence, StringComparison.Ordinal)));

    [Theory]
    [InlineData(Status.OnTrack, "Tỷ lệ doanh nghiệp có nữ tham gia lãnh đạo, quản lý đạt 12%, đúng tiến độ để đạt chỉ tiêu 20% đến năm 2020")]
    [InlineData(Status.FallingBehind, "Tỷ lệ doanh nghiệp có nữ tham gia lãnh đạo, quản lý đạt 12%, chậm tiến độ so với chỉ tiêu 20% đến năm 2020")]
    [InlineData(Status.Met, "Tỷ lệ doanh nghiệp có nữ tham gia lãnh đạo, quản lý đạt 12%, đạt chỉ tiêu kế hoạch (20% đến năm 2020)")]
    public void The_verdict_is_said_in_words_after_the_figure(Status status, string sentence)
    {
        var line = new IndicatorLine(TestRules.Plan.FindIndicator("G2.2")!, new ReportFigure(status, 12m, new LocalizedText("", ""), Core.Scoring.FigureSource.Reported, null), null);

        Assert.Equal(sentence, IndicatorSentence.Write(line));
    }

    [Theory]
    [InlineData("đạt 0 sản phẩm")]
    [InlineData("đạt Kiêm nhiệm")]
    [InlineData("đạt kiêm nhiệm")]
    [InlineData("đã đạt (")]
    [InlineData("tương đương đạt 0%, đạt")]
    public void No_result_reads_as_a_machine_writes_it(string phrase) => Assert.DoesNotContain(phrase, AllText, StringComparison.Ordinal);

    [Fact]
    public void Nothing_machine_made_is_in_the_document_neither_codes_nor_the_rules_version_nor_form_hints_nor_who_was_late()
    {
        var text = AllText;

        Assert.DoesNotMatch("G\\d\\.\\d", text);
        Assert.DoesNotContain("GenderPlan", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestRules.Plan.Version, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ký, ghi rõ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("trễ hạn", text, StringComparison.OrdinalIgnoreCase);
        // The sample's late unit (Phòng Giáo dục và Đào tạo) and the Party board are in the workbook's annex sheet only.
        Assert.DoesNotContain(TestRules.Book.FindUnit("gddt")!.Name.Vi, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestRules.Book.FindUnit("btchu")!.Name.Vi, text, StringComparison.Ordinal);
        Assert.Contains(OfficeFiles.ReadWorkbook(ProvinceReportSample.Workbook())[XlsxReportWriter.ReportingSheet].Values, cell => cell.Text == TestRules.Book.FindUnit("gddt")!.Name.Vi);

        using var stream = new MemoryStream(ProvinceReportSample.Draft());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Equal(TestRules.Plan.Version, document.PackageProperties.Keywords);
    }

    [Fact]
    public void The_sections_come_in_the_order_officials_expect_and_are_written_from_the_results()
    {
        string[] headings = ["I. KẾT QUẢ THỰC HIỆN", "II. KHÓ KHĂN, VƯỚNG MẮC", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"];
        var at = headings.Select(heading => Paragraphs.IndexOf(heading)).ToList();

        Assert.True(at[0] > 0 && at.Zip(at.Skip(1)).All(pair => pair.First < pair.Second), string.Join(", ", at));
        var difficulties = string.Join("\n", Paragraphs[at[1]..at[2]]);
        Assert.Contains("tỷ lệ biết chữ độ tuổi 15-40 ở vùng sâu, vùng xa, vùng dân tộc thiểu số đạt 97,2% (chỉ tiêu 98% đến năm 2020)", difficulties, StringComparison.Ordinal);
        Assert.DoesNotContain("tỷ lệ Ủy ban nhân dân", difficulties, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("gửi báo cáo 6 tháng đầu năm 2020 về Phòng Lao động - Thương binh và Xã hội huyện trước ngày 15/6/2020.", string.Join("\n", Paragraphs[at[2]..at[3]]), StringComparison.Ordinal);
        Assert.StartsWith("- Đề nghị Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum ", Paragraphs[at[3] + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_figures_are_a_difficulty_named_by_indicator_and_each_reads_as_having_no_figure()
    {
        var input = ProvinceReportSample.Input();
        var report = ProvinceReportBuilder.Build(input with { Results = [.. input.Results.Where(result => result.Indicator is not ("G7.2" or "G5.2"))] }, ProvinceReportSample.Year);

        Assert.Contains(
            "- Chưa tổng hợp được số liệu của 2 nội dung chỉ tiêu (tỷ lệ Đài Truyền thanh - Truyền hình huyện và loa xã có chuyên mục bình đẳng giới; tỷ lệ thành viên Ban soạn thảo, Tổ biên tập được tập huấn về giới), nên chưa đánh giá được kết quả thực hiện.",
            ReportText.Difficulties(report));
        Assert.Equal(["- Chỉ tiêu 2: Tỷ lệ thành viên Ban soạn thảo, Tổ biên tập được tập huấn về giới: chưa có số liệu."], GoalSummary.Lines(report.TargetsOf(report.Goals[6])[1]));
    }

    [Fact]
    public void A_half_year_report_asks_for_the_annual_report_before_its_deadline()
    {
        var report = ProvinceReportBuilder.Build(ProvinceReportSample.Input(), Period.FirstHalf(2019));

        Assert.Contains(
            "- Đề nghị các cơ quan, đơn vị, UBND các xã, thị trấn thu thập, tổng hợp đầy đủ số liệu các chỉ tiêu và gửi báo cáo năm 2019 về Phòng Lao động - Thương binh và Xã hội huyện trước ngày 25/11/2019.",
            ReportText.NextTasks(report, "Phòng Lao động - Thương binh và Xã hội huyện"));
    }

    [Fact]
    public void What_only_people_can_write_is_a_highlighted_placeholder_and_every_placeholder_is_highlighted()
    {
        using var stream = new MemoryStream(ProvinceReportSample.Draft());
        using var document = WordprocessingDocument.Open(stream, false);
        var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Word.Run>().Where(run => run.InnerText.Contains('[', StringComparison.Ordinal)).ToList();

        Assert.Equal(3, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.Matches("^\\[[^\\]]+\\]$", run.InnerText);
            Assert.Equal(Word.HighlightColorValues.Yellow, run.RunProperties!.GetFirstChild<Word.Highlight>()!.Val!.Value);
        });
        Assert.Contains("- Nguyên nhân: [nêu nguyên nhân khách quan, chủ quan của những tồn tại, hạn chế trên].", Draft.Paragraphs);
    }

    [Fact]
    public void The_recipients_name_the_body_the_plan_reports_to_and_the_district_committee_and_end_with_the_archive()
    {
        var signature = Draft.Tables[1][0];

        Assert.Equal("Nơi nhận:- Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum (b/c);- UBND huyện (b/c);- Lưu: VT, LĐTBXH.", signature[0]);
        Assert.Equal("TRƯỞNG PHÒNG", signature[1]);
    }

    [Fact]
    public void The_annex_table_has_the_baseline_year_the_plans_numbers_and_yearly_targets_said_as_such()
    {
        var table = Draft.Tables[2];

        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2015", "Chỉ tiêu kế hoạch", "Kết quả năm 2019", "Đánh giá"], table[0]);
        Assert.DoesNotContain(table[0], heading => heading.StartsWith("Chỉ tiêu 20", StringComparison.Ordinal));
        Assert.Equal(1 + TestRules.Plan.Goals.Count + TestRules.Plan.Indicators.Count, table.Count);
        Assert.Equal(["I", "Mục tiêu 1: Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo"], table[1]);
        Assert.Equal(["1", "Tỷ lệ nữ tham gia cấp ủy Đảng cấp huyện", "%", "15,38%", "15,38%", "16,1%", "Đã đạt"], table[2]);
        Assert.Equal("", table[3][0]);
        Assert.Equal(["%", "49%", "Hằng năm: 50%", "52,3%", "Đã đạt"], Row(table, "Tỷ lệ lao động nữ trong số lao động được tạo việc làm mới").Skip(2));
        Assert.Equal(["%", "96,5%", "98%", "97,2%", "Chậm tiến độ"], Row(table, "Tỷ lệ biết chữ").Skip(2));
        Assert.Equal(["Không đặt chỉ tiêu"], Row(table, "Tỷ lệ nữ tiến sỹ").Skip(6));
        Assert.Equal(["sản phẩm", "-", "Không có", "0", "Đã đạt"], Row(table, "Số sản phẩm văn hóa").Skip(2));
        // The unit has its own column: a ratio's cells are numbers, not "108 trẻ trai/100 trẻ gái" wrapped in a narrow cell.
        Assert.Equal(["trẻ trai/100 trẻ gái", "105", "105", "108"], Row(table, "Tỷ số giới tính khi sinh").Skip(2).Take(4));
    }

    [Fact]
    public void The_final_review_shows_each_years_value_the_final_value_and_verdict()
    {
        var report = ProvinceReportBuilder.Build(ReviewInput(), new ReportScope(ReportKind.FinalReview, 2016, Period.Annual(2020)));
        var draft = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(report).Content);
        var table = draft.Tables[2];

        Assert.Equal("Tổng kết thực hiện Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020", draft.Paragraphs[draft.Paragraphs.ToList().IndexOf("BÁO CÁO") + 1]);
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2015", "Chỉ tiêu kế hoạch", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020", "Kết quả cuối kỳ", "Đánh giá"], table[0]);
        // G2.2 has no 2020 figure: the final value is 2019's, the latest there is.
        Assert.Equal(["2,1%", "20%", "5%", "8%", "10%", "12%", "", "12%", "Đúng tiến độ"], Row(table, "Tỷ lệ doanh nghiệp có nữ").Skip(3));
        Assert.Equal("bao-cao-dak-to-2016-2020.docx", ProvinceReportFiles.Draft(report).Name);
        Assert.Contains(draft.Paragraphs, paragraph => paragraph.EndsWith("báo cáo tổng kết thực hiện Kế hoạch giai đoạn 2016-2020 như sau:", StringComparison.Ordinal));
        // Each sentence says which year its figure is from.
        Assert.Contains("- Chỉ tiêu 2: Tỷ lệ doanh nghiệp có nữ tham gia lãnh đạo, quản lý đạt 12%, đúng tiến độ để đạt chỉ tiêu 20% đến năm 2020 (số liệu năm 2019).", draft.Paragraphs);
    }

    [Fact]
    public void The_mid_term_review_and_a_report_on_request_are_titled_and_opened_as_such()
    {
        var midTerm = ProvinceReportBuilder.Build(ReviewInput(), new ReportScope(ReportKind.MidTermReview, 2016, Period.Annual(2018)));
        var onRequest = ProvinceReportBuilder.Build(ReviewInput(), new ReportScope(ReportKind.AdHoc, 2019, Period.Annual(2019), "Công văn số 123/SLĐTBXH-BĐG ngày 02/3/2020 của Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum"));

        Assert.Equal("Sơ kết 3 năm thực hiện Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020", ReportText.Title(midTerm));
        var enterprises = midTerm.Lines.First(line => line.Indicator.Code == "G2.2");
        Assert.Equal([5m, 8m, 10m], enterprises.Years.Select(figure => figure!.Value!.Value));
        // 2019's 12% lies after the span: the mid-term's final value is 2018's.
        Assert.Equal(10m, enterprises.Figure!.Value);
        Assert.StartsWith("Thực hiện Công văn số 123/SLĐTBXH-BĐG ngày 02/3/2020 của Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum; căn cứ Kế hoạch số 37/KH-UBND", ReportText.Opening(onRequest, "Phòng Lao động - Thương binh và Xã hội huyện"), StringComparison.Ordinal);
        Assert.Equal("bao-cao-dak-to-2019-dot-xuat.docx", ProvinceReportFiles.Draft(onRequest).Name);
    }

    private static IReadOnlyList<string> Row(IReadOnlyList<IReadOnlyList<string>> table, string name) =>
        table.Single(row => row.Count > 2 && row[1].StartsWith(name, StringComparison.Ordinal));

    /// <summary>The sample with G2.2's figures of 2016-2019 (5%, 8%, 10%, 12%, each on track), and none for 2020.</summary>
    private static Dashboard.DashboardInput ReviewInput()
    {
        var input = ProvinceReportSample.Input();
        var earlier = new[] { (2016, 5m), (2017, 8m), (2018, 10m), (2019, 12m) }
            .Select(year => new Dashboard.DashboardResult("G2.2", Period.Annual(year.Item1), Status.OnTrack, year.Item2, new LocalizedText("", "")));
        return input with { Results = [.. earlier, .. input.Results.Where(result => result.Indicator != "G2.2")] };
    }
}
