using System.Globalization;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// The Vietnamese words the workbook and the Word draft share, so the two files read alike: the status words
/// (from <see cref="StatusPresentation"/>), where a figure came from, whether a report came on time, and numbers
/// written the Vietnamese way ("96,5%").
/// </summary>
public static class ReportWording
{
    /// <summary>"Chưa báo cáo": no figure for the period.</summary>
    public const string NotReported = "Chưa báo cáo";

    /// <summary>"Báo cáo": the lead department's own figure.</summary>
    public const string ReportedSource = "Báo cáo";

    /// <summary>The heading of a goal, as the plan's appendix writes it: "Mục tiêu 1: ...".</summary>
    public static string GoalHeading(Goal goal) => $"Mục tiêu {goal.Number}: {goal.Name.Vi}";

    /// <summary>The goal's number in Roman numerals, the appendix's STT of a goal row ("I", "II").</summary>
    public static string Roman(int number)
    {
        string[] ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return number is > 0 and < 40 ? new string('X', number / 10) + ones[number % 10] : number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The status word officials read ("Đã đạt"), or "Chưa báo cáo".</summary>
    public static string StatusWord(ReportFigure? figure) => figure is null ? NotReported : figure.Status.Vietnamese();

    /// <summary>Where the figure came from: "Báo cáo", or "Tổng hợp từ xã (7/9 xã, thị trấn; thiếu: ...)".</summary>
    public static string Source(Plan plan, ReportFigure? figure) => figure switch
    {
        null => "",
        { Source: FigureSource.Communes, Coverage: { } coverage } => $"Tổng hợp từ các xã, thị trấn ({CoverageText.Describe(plan, coverage).Vi})",
        { Source: FigureSource.Communes } => "Tổng hợp từ các xã, thị trấn",
        _ => ReportedSource,
    };

    /// <summary>The note: the explanation sentence, and the communes' sum beside the department's own figure.</summary>
    public static string Note(Plan plan, IndicatorLine line)
    {
        var note = line.Figure?.Explanation.Vi ?? "";
        if (line.CommunesFigure is { Value: { } sum } communes)
        {
            var coverage = communes.Coverage is { } covered ? $" ({CoverageText.Describe(plan, covered).Vi})" : "";
            note = $"{note} Tổng hợp từ các xã, thị trấn: {ValueText(line.Indicator, sum)}{coverage}, {communes.Status.Vietnamese().ToLowerInvariant()}.".Trim();
        }

        return note;
    }

    /// <summary>The unit of measure as the appendix writes it: "%", "trẻ trai/100 trẻ gái", "lần".</summary>
    public static string UnitText(Indicator indicator) => indicator.Unit == MeasureUnit.Percent ? "%" : indicator.Definition.UnitName.Vi;

    /// <summary>A value with its unit, the Vietnamese way: "96,5%", "108 trẻ trai/100 trẻ gái", "Kiêm nhiệm".</summary>
    public static string ValueText(Indicator indicator, decimal value) => ScoreExplainer.FormatValue(indicator, value, Language.Vietnamese);

    /// <summary>
    /// A value in a table cell, whose row already names the unit: "96,5%", "108", "45", "Kiêm nhiệm"; only a
    /// percentage keeps its sign, so a narrow year column never wraps "108 trẻ trai/100 trẻ gái" over four lines.
    /// </summary>
    public static string CellText(Indicator indicator, decimal value) =>
        indicator.Unit.IsCategory || indicator.Unit == MeasureUnit.Percent ? ValueText(indicator, value) : VietnameseNumber.Format(value);

    /// <summary>A figure in a table cell: its value as <see cref="CellText"/>, "0/0" when nothing arose, empty when there is none.</summary>
    public static string FigureCell(Indicator indicator, ReportFigure? figure) => figure switch
    {
        null => "",
        { Value: { } value } => CellText(indicator, value),
        _ => "0/0",
    };

    /// <summary>"Đúng hạn", "Trễ hạn", "Chưa gửi", "Chưa đến hạn", or "Không rõ" offline.</summary>
    public static string DueWord(DueState state) => state switch
    {
        DueState.OnTime => "Đúng hạn",
        DueState.Late => "Trễ hạn",
        DueState.Missing => "Chưa gửi",
        DueState.NotDue => "Chưa đến hạn",
        _ => "Không rõ",
    };

    /// <summary>A date as Vietnamese documents write it: 14/11/2019.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>When the report was made, Vietnam time: "08:30 ngày 28/11/2019".</summary>
    public static string MadeAt(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ReportingCalendar.VietnamOffset);
        return $"{local:HH:mm} ngày {Date(DateOnly.FromDateTime(local.DateTime))}";
    }

    /// <summary>A count the Vietnamese way (44.096).</summary>
    public static string Count(int count) => VietnameseNumber.Format(count);

    /// <summary>
    /// The name in running text: "Tỷ lệ nữ ..." reads "tỷ lệ nữ ..." mid-sentence, while an abbreviation such as
    /// "UBND các cấp" keeps its capitals.
    /// </summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
