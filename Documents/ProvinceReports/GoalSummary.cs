using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// The short paragraph the Word draft gives each goal, written from its results as an official would: how many
/// indicators are met, on track or behind, and which, with their figures. "Mục tiêu 4 có 6 chỉ tiêu, trong đó:
/// 2 chỉ tiêu đã đạt (tỷ lệ tử vong bà mẹ ... 45 trên 100.000 trẻ đẻ sống; ...); 1 chỉ tiêu chưa đạt tiến độ (...)."
/// </summary>
public static class GoalSummary
{
    /// <summary>The paragraph of <paramref name="section"/>.</summary>
    public static string Write(GoalSection section)
    {
        var lines = section.Lines;
        var parts = new List<string>();
        Add(parts, "đã đạt", lines.Where(line => line.Figure?.Status == Status.Met), Reached);
        Add(parts, "đúng tiến độ", lines.Where(line => line.Figure?.Status == Status.OnTrack), AgainstTarget);
        Add(parts, "chưa đạt tiến độ", lines.Where(line => line.Figure?.Status.NeedsAttention() == true), Behind);
        Add(parts, "không phát sinh trường hợp nào trong kỳ", lines.Where(line => line.Figure?.Status == Status.NotApplicable), Name);
        Add(parts, "chưa có số liệu", lines.Where(line => line.Figure is null), Name);
        var count = lines.Count == 1 ? "1 chỉ tiêu" : $"{lines.Count} chỉ tiêu";
        return $"Mục tiêu {section.Goal.Number} có {count}, trong đó: {string.Join("; ", parts)}.";
    }

    /// <summary>How many indicators of the section are met, on track and behind (falling behind, off track or missed).</summary>
    public static (int Met, int OnTrack, int Behind) Counts(GoalSection section) => (
        section.Lines.Count(line => line.Figure?.Status == Status.Met),
        section.Lines.Count(line => line.Figure?.Status == Status.OnTrack),
        section.Lines.Count(line => line.Figure?.Status.NeedsAttention() == true));

    private static void Add(List<string> parts, string what, IEnumerable<IndicatorLine> lines, Func<IndicatorLine, string> describe)
    {
        var chosen = lines.ToList();
        if (chosen.Count > 0)
        {
            parts.Add($"{chosen.Count} chỉ tiêu {what} ({string.Join("; ", chosen.Select(describe))})");
        }
    }

    private static string Name(IndicatorLine line) => ReportWording.InSentence(line.Indicator.Name.Vi);

    private static string Reached(IndicatorLine line) => $"{Name(line)} đạt {Figure(line)}";

    private static string AgainstTarget(IndicatorLine line) => $"{Name(line)} đạt {Figure(line)}, chỉ tiêu năm {line.Indicator.Definition.TargetYear} là {Target(line)}";

    private static string Behind(IndicatorLine line) =>
        $"{Name(line)} đạt {Figure(line)} so với chỉ tiêu {Target(line)}, {line.Figure!.Status.Vietnamese().ToLowerInvariant()}";

    private static string Figure(IndicatorLine line) => ReportWording.FigureText(line.Indicator, line.Figure);

    private static string Target(IndicatorLine line)
    {
        var target = ReportWording.ValueText(line.Indicator, line.Indicator.Target);
        return line.Indicator.Direction == Direction.AtMost && !line.Indicator.Unit.IsCategory ? "không quá " + target : target;
    }
}
