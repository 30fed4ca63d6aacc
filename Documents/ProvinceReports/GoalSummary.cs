using GenderPlan.Core.Plans;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// What section I of the draft says of one goal, as the plan numbers it: "Mục tiêu 1 có 3 chỉ tiêu, kết quả thực
/// hiện như sau:", then "- Chỉ tiêu 2: Tỷ lệ ... đạt 66,7%, chậm tiến độ so với chỉ tiêu 70% đến năm 2020." and, for
/// a chỉ tiêu measured in parts, "- Chỉ tiêu 1:" followed by one "+ ..." line per part. Counts are the plan's chỉ
/// tiêu (<see cref="PlanTarget"/>), not the rules that measure them.
/// </summary>
public static class GoalSummary
{
    /// <summary>The opening sentence of <paramref name="section"/>: "Mục tiêu 4 có 4 chỉ tiêu, kết quả thực hiện như sau:".</summary>
    public static string Write(GoalSection section)
    {
        var count = PlanTarget.Group(section.Goal.Number, section.Lines).Count;
        return $"Mục tiêu {section.Goal.Number} có {count} chỉ tiêu, kết quả thực hiện như sau:";
    }

    /// <summary>
    /// The paragraphs of one chỉ tiêu: one line for a single measure, else a heading line and one line per part,
    /// each part ending ";" and the last ".".
    /// </summary>
    /// <remarks>In a review (<paramref name="scope"/> a span of years) each figure says which year it is from: the latest reported, which need not be the last.</remarks>
    /// <param name="target">The chỉ tiêu.</param>
    /// <param name="scope">The report's scope; null for a regular report.</param>
    /// <param name="place">The plan's own place, which a sentence may name (<see cref="IndicatorSentence.Write"/>).</param>
    public static IReadOnlyList<string> Lines(PlanTarget target, ReportScope? scope = null, PlaceWords? place = null)
    {
        string Sentence(IndicatorLine line) => IndicatorSentence.Write(line, place) + YearOf(line, scope);
        if (target.Lines.Count == 1)
        {
            return [$"- {target.Heading}: {Sentence(target.Lines[0])}."];
        }

        var parts = target.Lines.Select((line, index) => $"+ {Sentence(line)}{(index == target.Lines.Count - 1 ? "." : ";")}");
        return [$"- {target.Heading}:", .. parts];
    }

    private static string YearOf(IndicatorLine line, ReportScope? scope)
    {
        var years = line.Years;
        var last = years.Count - 1;
        while (last >= 0 && years[last] is null)
        {
            last--;
        }

        return scope is { IsSpan: true } && last >= 0 ? $" (số liệu năm {scope.FirstYear + last})" : "";
    }
}
