using System.Globalization;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// The running text of the draft apart from the results: the title, the opening that cites the plan's documents
/// (from the plan file's <c>adoptedBy</c> and <c>implements</c>), sections II-IV written from the results, and the
/// closing line. What only people can write (causes, the office's own tasks and requests, the document asking for an
/// ad-hoc report) is a placeholder in square brackets, which the Word writer highlights so nobody signs it unfilled.
/// </summary>
public static class ReportText
{
    /// <summary>The second title line: "Kết quả thực hiện Kế hoạch hành động bình đẳng giới năm 2019", "Tổng kết thực hiện Kế hoạch ... giai đoạn 2016-2020".</summary>
    public static string Title(ProvinceReport report)
    {
        var scope = report.Scope;
        return scope.Kind switch
        {
            ReportKind.FinalReview => $"Tổng kết thực hiện {report.Plan.Name.Vi}",
            ReportKind.MidTermReview => $"Sơ kết {scope.Years.Count()} năm thực hiện {report.Plan.Name.Vi}",
            _ when scope.IsSpan => $"Kết quả thực hiện Kế hoạch hành động bình đẳng giới từ năm {scope.FirstYear} đến năm {scope.LastYear}",
            _ => $"Kết quả thực hiện Kế hoạch hành động bình đẳng giới {report.Period.Label.Vi}",
        };
    }

    /// <summary>
    /// A document as officials cite it: "Kế hoạch số 37/KH-UBND ngày 01/7/2016 của UBND huyện Đăk Tô", "Nghị quyết số
    /// 28/NQ-CP ngày 03/3/2021 của Chính phủ" (a plan started from the national strategy carries out a resolution).
    /// </summary>
    public static string Cite(PlanDocument document) => $"{Kind(document.Number)} số {document.Number} ngày {CitedDate(document.Date)} của {document.Issuer.Vi}";

    /// <summary>
    /// The kind of document its symbol names (the letters after the number: <c>28/NQ-CP</c> is a Nghị quyết, as
    /// Nghị định 30/2020/NĐ-CP abbreviates kinds); a plan (Kế hoạch) when the symbol names none of these.
    /// </summary>
    private static string Kind(string number) =>
        (number.Split('/') is [_, var symbol, ..] ? symbol.Split('-')[0] : "") switch
        {
            "NQ" => "Nghị quyết",
            "QĐ" => "Quyết định",
            "CT" => "Chỉ thị",
            "NĐ" => "Nghị định",
            "TT" => "Thông tư",
            _ => "Kế hoạch",
        };

    /// <summary>A cited date: day zero-padded, months 1 and 2 zero-padded ("01/7/2016", "05/01/2020"), as Nghị định 30/2020 writes dates.</summary>
    public static string CitedDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{Month(date.Month)}/{date.Year}");

    /// <summary>The place and date line: "Đăk Tô, ngày 05 tháng 01 năm 2020".</summary>
    public static string PlaceAndDate(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day:00} tháng {Month(date.Month)} năm {date.Year}");

    /// <summary>A deadline as the text writes it: "trước ngày 25/11/2019".</summary>
    public static string Before(DateOnly deadline) => string.Create(CultureInfo.InvariantCulture, $"trước ngày {deadline.Day:00}/{Month(deadline.Month)}/{deadline.Year}");

    /// <summary>The opening paragraph: which documents the report carries out, and what it reports.</summary>
    public static string Opening(ProvinceReport report, string issuer)
    {
        var plan = report.Plan;
        var basis = plan.AdoptedBy is { } adopted ? $"{Cite(adopted)} ({plan.Name.Vi})" : plan.Name.Vi;
        if (plan.Implements is { } higher)
        {
            basis += $", triển khai {Cite(higher)}";
        }

        var scope = report.Scope;
        var what = scope.Kind switch
        {
            ReportKind.FinalReview => $"tổng kết thực hiện Kế hoạch {scope.Label}",
            ReportKind.MidTermReview => $"sơ kết {scope.Years.Count()} năm thực hiện Kế hoạch ({scope.Label})",
            _ => $"kết quả thực hiện {scope.Label}",
        };
        var request = scope.Kind == ReportKind.AdHoc ? $"Thực hiện {scope.Request ?? "[văn bản yêu cầu báo cáo: số, ngày, cơ quan ban hành, trích yếu]"}; căn cứ " : "Thực hiện ";
        return $"{request}{basis}; trên cơ sở báo cáo của các cơ quan, đơn vị{Committees(report, " và ")}, {issuer} báo cáo {what} như sau:";
    }

    /// <summary>Section II: the indicators behind and the figures missing, as sentences, then the causes for the office to write.</summary>
    public static IReadOnlyList<string> Difficulties(ProvinceReport report)
    {
        var lines = report.Lines.ToList();
        var behind = lines.Where(line => IndicatorSentence.StandingOf(line) == IndicatorSentence.Standing.Behind).ToList();
        var missing = lines.Where(line => IndicatorSentence.StandingOf(line) == IndicatorSentence.Standing.NoFigure).ToList();
        var text = new List<string>();
        if (behind.Count > 0)
        {
            text.Add($"- Một số chỉ tiêu chưa đạt tiến độ đề ra: {string.Join("; ", behind.Select(line => $"{IndicatorSentence.Result(line.Indicator, line.Figure!.Value!.Value)} (chỉ tiêu {IndicatorSentence.Target(line.Indicator, line.Milestone)})"))}.");
        }

        if (missing.Count > 0)
        {
            text.Add($"- Chưa tổng hợp được số liệu của {missing.Count} nội dung chỉ tiêu ({string.Join("; ", missing.Select(line => ReportWording.InSentence(line.Indicator.Name.Vi)))}), nên chưa đánh giá được kết quả thực hiện.");
        }

        if (text.Count == 0)
        {
            text.Add("- Các chỉ tiêu có số liệu đều đạt hoặc đúng tiến độ đề ra.");
        }

        text.Add("- Nguyên nhân: [nêu nguyên nhân khách quan, chủ quan của những tồn tại, hạn chế trên].");
        return text;
    }

    /// <summary>Section III: carry on the plan, concentrate on what is behind, collect what is missing before the next deadline.</summary>
    public static IReadOnlyList<string> NextTasks(ProvinceReport report, string issuer)
    {
        var plan = report.Plan;
        var lines = report.Lines.ToList();
        var behind = lines.Where(line => IndicatorSentence.StandingOf(line) == IndicatorSentence.Standing.Behind).ToList();
        var basis = plan.AdoptedBy is { } adopted ? Cite(adopted) : plan.Name.Vi;
        var text = new List<string>();
        if (report.Scope.Kind == ReportKind.FinalReview)
        {
            var place = report.PlaceWords.Kind.Vi;
            text.Add($"- Duy trì, phát huy các kết quả đã đạt được; tiếp tục lồng ghép các mục tiêu bình đẳng giới vào kế hoạch phát triển kinh tế - xã hội của {place} và của từng cơ quan, đơn vị, địa phương.");
            text.Add($"- Rút kinh nghiệm từ các chỉ tiêu chưa đạt để xây dựng mục tiêu, chỉ tiêu của giai đoạn tiếp theo sát với thực tế của {place}.");
        }
        else
        {
            text.Add($"- Tiếp tục triển khai thực hiện {basis}; lồng ghép các mục tiêu bình đẳng giới vào kế hoạch công tác của các cơ quan, đơn vị{Committees(report, " và ")}.");
            if (behind.Count > 0)
            {
                text.Add($"- Tập trung chỉ đạo thực hiện các chỉ tiêu chưa đạt tiến độ: {string.Join("; ", behind.Select(line => ReportWording.InSentence(line.Indicator.Name.Vi)))}.");
            }

            var next = Next(report.Period);
            var send = plan.Covers(next)
                ? $" và gửi báo cáo {next.Label.Vi} về {issuer} {Before(plan.Calendar.Deadline(next))}"
                : "";
            text.Add($"- Đề nghị các cơ quan, đơn vị{Committees(report, ", ")} thu thập, tổng hợp đầy đủ số liệu các chỉ tiêu{send}.");
        }

        text.Add("- [Bổ sung nhiệm vụ, giải pháp trọng tâm của cơ quan trong thời gian tới].");
        return text;
    }

    /// <summary>Section IV: help for what is behind from the body the plan reports to, then the office's own requests.</summary>
    public static IReadOnlyList<string> Proposals(ProvinceReport report)
    {
        var text = new List<string>();
        var behind = report.Lines.Any(line => IndicatorSentence.StandingOf(line) == IndicatorSentence.Standing.Behind);
        if (behind && report.Plan.ReportsTo is { } above)
        {
            text.Add($"- Đề nghị {above.Vi} quan tâm hướng dẫn chuyên môn, tập huấn nghiệp vụ về bình đẳng giới, hỗ trợ {report.PlaceWords.Kind.Vi} thực hiện các chỉ tiêu chưa đạt tiến độ.");
        }

        text.Add("- [Nêu đề xuất, kiến nghị cụ thể về cơ chế, chính sách, kinh phí, bố trí cán bộ].");
        return text;
    }

    /// <summary>The closing line: "Trên đây là báo cáo ... của Phòng ... huyện./.".</summary>
    public static string Closing(ProvinceReport report, string issuer)
    {
        var scope = report.Scope;
        var what = scope.Kind switch
        {
            ReportKind.FinalReview => $"tổng kết thực hiện Kế hoạch {scope.Label}",
            ReportKind.MidTermReview => $"sơ kết {scope.Years.Count()} năm thực hiện Kế hoạch",
            _ => $"kết quả thực hiện Kế hoạch hành động bình đẳng giới {scope.Label}",
        };
        return $"Trên đây là báo cáo {what} của {issuer}./.";
    }

    /// <summary>
    /// The People's Committees of the places below, after <paramref name="separator"/>, as the plan asks them to report
    /// ("UBND các xã, thị trấn"; "UBND các xã, phường" under a province since 2025); nothing for a plan of one place.
    /// </summary>
    private static string Committees(ProvinceReport report, string separator) =>
        report.PlacesBelow is { } below ? $"{separator}UBND {below.Vi}" : "";

    private static Period Next(Period period) => period.Kind == PeriodKind.Annual ? Period.FirstHalf(period.Year + 1) : Period.Annual(period.Year);

    private static string Month(int month) => month < 3 ? month.ToString("00", CultureInfo.InvariantCulture) : month.ToString(CultureInfo.InvariantCulture);
}
