using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// How an official writes one indicator's result in running text: a rate "đạt 66,7%", a ratio "ở mức 108 trẻ
/// trai/100 trẻ gái", a count of things that should not exist "không có sản phẩm ... mang định kiến giới", a staffing
/// level "được bố trí kiêm nhiệm"; then how it stands against the plan's target, in words, never a bare status label.
/// The scorecard's explanation (<c>ScoreExplainer</c>) speaks to the unit that reported; this speaks to the province.
/// </summary>
public static class IndicatorSentence
{
    /// <summary>How a result stands, as the report groups it: achieved, on track, behind, nothing to measure, no figure, or no target to reach.</summary>
    public enum Standing
    {
        /// <summary>The target is reached.</summary>
        Reached,

        /// <summary>On the path to the target.</summary>
        OnTrack,

        /// <summary>Falling behind, off track or missed.</summary>
        Behind,

        /// <summary>No case arose in the period (0/0).</summary>
        NothingArose,

        /// <summary>No figure for the period.</summary>
        NoFigure,

        /// <summary>
        /// The plan sets no rise to reach (an "at least 0" target, as the district's for women doctors): meeting it says
        /// nothing, so it is neither listed as achieved nor as behind.
        /// </summary>
        NoTargetSet,
    }

    /// <summary>Where <paramref name="line"/> stands.</summary>
    public static Standing StandingOf(IndicatorLine line)
    {
        var indicator = line.Indicator;
        if (line.Figure is not { } figure)
        {
            return Standing.NoFigure;
        }

        if (figure.Status == Status.NotApplicable || figure.Value is null)
        {
            return Standing.NothingArose;
        }

        if (indicator.Direction == Direction.AtLeast && !indicator.Unit.IsCategory && line.Milestone.Target <= 0)
        {
            return Standing.NoTargetSet;
        }

        return figure.Status switch
        {
            Status.Met => Standing.Reached,
            Status.OnTrack => Standing.OnTrack,
            _ => Standing.Behind,
        };
    }

    /// <summary>
    /// The full sentence, capitalised, without the final stop: "Tỷ lệ doanh nghiệp có nữ tham gia lãnh đạo, quản lý
    /// đạt 12%, chậm tiến độ so với chỉ tiêu 20% đến năm 2020".
    /// </summary>
    /// <param name="line">The indicator's line.</param>
    /// <param name="place">
    /// The plan's own place, whose plan a sentence may name ("kế hoạch của huyện", "kế hoạch của xã"); without it the
    /// sentence says "kế hoạch" alone rather than guess the place's kind.
    /// </param>
    public static string Write(IndicatorLine line, PlaceWords? place = null)
    {
        var indicator = line.Indicator;
        var milestone = line.Milestone;
        var figure = line.Figure;
        var sentence = StandingOf(line) switch
        {
            Standing.NoFigure => $"{indicator.Name.Vi}: chưa có số liệu",
            Standing.NothingArose => $"{indicator.Name.Vi}: trong kỳ không phát sinh trường hợp nào",
            Standing.NoTargetSet => $"{Result(indicator, figure!.Value!.Value)}; {PlanOf(place)} không đặt mức phấn đấu cho chỉ tiêu này",
            Standing.Reached => $"{Result(indicator, figure!.Value!.Value)}, {Reached(indicator, milestone)}",
            Standing.OnTrack => $"{Result(indicator, figure!.Value!.Value)}, đúng tiến độ để đạt chỉ tiêu {Target(indicator, milestone)}",
            _ when indicator.Unit.IsCategory => $"{Result(indicator, figure!.Value!.Value)}, chưa đạt mức kế hoạch đề ra ({Target(indicator, milestone)})",
            _ => $"{Result(indicator, figure!.Value!.Value)}, {figure.Status.Vietnamese().ToLowerInvariant()} so với chỉ tiêu {Target(indicator, milestone)}",
        };
        return Capitalise(sentence);
    }

    private static string PlanOf(PlaceWords? place) => place is null ? "kế hoạch" : $"kế hoạch của {place.Kind.Vi}";

    /// <summary>
    /// The result as a clause naming the indicator: "tỷ lệ ... đạt 66,7%", "tỷ số giới tính khi sinh ở mức 108 trẻ
    /// trai/100 trẻ gái", "không có sản phẩm văn hóa, thông tin mang định kiến giới", "cán bộ làm công tác bình đẳng
    /// giới được bố trí kiêm nhiệm".
    /// </summary>
    public static string Result(Indicator indicator, decimal value)
    {
        var name = indicator.Name.Vi;
        if (indicator.Unit.IsCategory)
        {
            var level = indicator.CategoryAt(value)?.Name.Vi ?? ReportWording.ValueText(indicator, value);
            // "Bố trí cán bộ ..." at "Kiêm nhiệm" reads "cán bộ ... được bố trí kiêm nhiệm"; "Chưa bố trí" reads "chưa được bố trí".
            if (name.StartsWith("Bố trí ", StringComparison.Ordinal))
            {
                var what = name["Bố trí ".Length..];
                return level.StartsWith("Chưa ", StringComparison.Ordinal)
                    ? $"{what} chưa được bố trí"
                    : $"{what} được bố trí {Lower(level.StartsWith("Bố trí ", StringComparison.Ordinal) ? level["Bố trí ".Length..] : level)}";
            }

            return $"{ReportWording.InSentence(name)}: {Lower(level)}";
        }

        var number = ReportWording.ValueText(indicator, value);
        if (indicator.Unit == MeasureUnit.Count && name.StartsWith("Số ", StringComparison.Ordinal))
        {
            var things = name["Số ".Length..];
            return value == 0 ? $"không có {things}" : $"có {Core.Text.VietnameseNumber.Format(value)} {things}";
        }

        return indicator.Unit == MeasureUnit.Percent || indicator.Unit == MeasureUnit.Count
            ? $"{ReportWording.InSentence(name)} đạt {number}"
            : $"{ReportWording.InSentence(name)} ở mức {number}";
    }

    /// <summary>
    /// The target as the plan states it: "20% đến năm 2020", "hằng năm 50%", "không quá 105 trẻ trai/100 trẻ gái đến năm 2020";
    /// with milestones, the <paramref name="milestone"/> in force ("không quá 111 ... đến năm 2025"), else the plan's target.
    /// </summary>
    public static string Target(Indicator indicator, Milestone? milestone = null)
    {
        var (year, target) = milestone ?? indicator.Milestones[^1];
        var value = ReportWording.ValueText(indicator, target);
        var bound = indicator.Unit.IsCategory ? Lower(value)
            : indicator.Direction == Direction.AtMost ? (target == 0 ? "không có" : "không quá " + value)
            : value;
        return indicator.Definition.EveryYear ? $"hằng năm {bound}" : $"{bound} đến năm {year}";
    }

    /// <summary>
    /// The target as the table's cell writes it, the unit being in its own column: "20%", "Hằng năm: 50%", "105", "Không có",
    /// "Kiêm nhiệm"; every milestone with its year where there are several ("2025: 111; 2030: 109").
    /// </summary>
    public static string TargetCell(Indicator indicator)
    {
        string Cell(decimal target) => indicator.Direction == Direction.AtMost && target == 0 && indicator.Unit == MeasureUnit.Count
            ? "Không có"
            : ReportWording.CellText(indicator, target);
        var value = indicator.Milestones.Count > 1
            ? string.Join("; ", indicator.Milestones.Select(milestone => $"{milestone.Year}: {Cell(milestone.Target)}"))
            : Cell(indicator.Target);
        return indicator.Definition.EveryYear ? $"Hằng năm: {value}" : value;
    }

    private static string Reached(Indicator indicator, Milestone milestone) =>
        indicator.Definition.EveryYear ? $"đạt chỉ tiêu hằng năm ({Target(indicator, milestone)["hằng năm ".Length..]})"
        // "không có sản phẩm ..., đạt chỉ tiêu kế hoạch": the result already says what the target is.
        : indicator.Direction == Direction.AtMost && milestone.Target == 0 ? "đạt chỉ tiêu kế hoạch"
        : indicator.Unit.IsCategory ? $"đạt mức kế hoạch đề ra đến năm {milestone.Year}"
        : $"đạt chỉ tiêu kế hoạch ({Target(indicator, milestone)})";

    private static string Lower(string text) => ReportWording.InSentence(text);

    /// <summary>The sentence with its first letter upper case ("không có ..." starts a line as "Không có ...").</summary>
    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
