using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// One plain sentence per score, in Vietnamese and English, for officials who will not read a ratio. The sentence
/// follows the plan's path, so "kỳ này cần đạt" is the figure the page's chart draws and an official computes: on the
/// straight line "Kết quả 12% chưa đạt chỉ tiêu 20%; theo lộ trình đều từ 2,1% năm 2015 đến 20% năm 2020, kỳ này cần
/// đạt 16,42%, mới thực hiện được 69% mức tăng cần đạt.", on the compound path "...; tốc độ thực hiện mới bằng 59% tốc
/// độ cần thiết, kỳ này cần đạt 97,7%." An elected figure says what it is judged on and until when. An indicator with
/// several milestones names the one in force and the stretch: "...; mốc năm 2030: không quá 109 trẻ trai/100 trẻ gái; theo
/// lộ trình đều từ mốc năm 2025 (111 ...) đến mốc năm 2030 (109 ...), kỳ này cần đạt ...".
/// </summary>
public static class ScoreExplainer
{
    /// <summary>The explanation of <paramref name="score"/> in both languages, with the margin of chance where the counts give one.</summary>
    public static LocalizedText Explain(IndicatorScore score) =>
        new(Sentence(score, Language.Vietnamese) + Compared(score, Language.Vietnamese) + Margin(score, Language.Vietnamese),
            Sentence(score, Language.English) + Compared(score, Language.English) + Margin(score, Language.English));

    // A merged place's figure is compared with its former places' added up, when the sentence has not measured from it
    // already: "So với năm 2020 (gộp từ 4 đơn vị cũ: ...): 110,5 trẻ trai/100 trẻ gái."
    private static string Compared(IndicatorScore score, Language language)
    {
        if (score.CarriedBaseline is not { Score.Value: { } value } carried
            || score.Stretch is { FromMilestone: false } && score.Reason is StatusReason.PaceMeasured or StatusReason.SlippedFromBaseline)
        {
            return "";
        }

        var figure = FormatValue(score.Indicator, value, language);
        var year = carried.Score.Period.Year;
        return language == Language.Vietnamese
            ? $" So với năm {year} ({carried.Explanation.Vi}): {figure}."
            : $" In {year} ({carried.Explanation.En}): {figure}.";
    }

    // "với 950 trường hợp, sai số khoảng ±7": small numbers move by chance, and officials should know how much.
    private static string Margin(IndicatorScore score, Language language)
    {
        if (score.Interval is not { } interval)
        {
            return "";
        }

        var margin = Number(Math.Round(interval.Margin, interval.Margin >= 10 ? 0 : 1), language);
        var cases = Number(interval.Cases, language);
        return language == Language.Vietnamese
            ? $" Với {cases} trường hợp, sai số khoảng ±{margin}{(score.WithinNoise ? "; chỉ tiêu nằm trong khoảng sai số, cần theo dõi thêm" : "")}."
            : $" With {cases} cases, chance alone moves this by about ±{margin}{(score.WithinNoise ? "; the target is within that margin, so watch it" : "")}.";
    }

    /// <summary>A value written with its unit: "96,5%", "108 trẻ trai/100 trẻ gái", "Kiêm nhiệm".</summary>
    public static string FormatValue(Indicator indicator, decimal value, Language language)
    {
        if (indicator.Unit.IsCategory)
        {
            return indicator.CategoryAt(value)?.Name.In(language) ?? Number(value, language);
        }

        var number = Number(value, language);
        return indicator.Unit == MeasureUnit.Percent ? number + "%" : $"{number} {indicator.Definition.UnitName.In(language)}";
    }

    private static string Sentence(IndicatorScore score, Language language)
    {
        var vi = language == Language.Vietnamese;
        var indicator = score.Indicator;
        var definition = indicator.Definition;
        if (score.Reason == StatusReason.NothingToMeasure)
        {
            return vi ? "Không phát sinh trường hợp nào trong kỳ (0/0)." : "0/0: no case arose, so there was nothing to measure.";
        }

        var value = score.Measurement.Value;
        // The target in force: the milestone the period is judged against (the only one for a rule with a single target).
        var stretch = score.Stretch;
        var milestone = stretch.Milestone;
        var milestones = definition.HasMilestones;
        var target = FormatValue(indicator, milestone.Target, language);
        var result = FormatValue(indicator, value, language);
        var comparison = $"{result} {Symbol(indicator, score.Status == Status.Met)} {target}";
        // "Kết quả 97,2% chưa đạt chỉ tiêu 98%": a ceiling reads "không quá 25 trên 100 trẻ đẻ sống".
        var goal = indicator.Direction == Direction.AtMost && !indicator.Unit.IsCategory ? "không quá " + target : target;
        // With several targets the sentence names the one in force: "...; mốc năm 2030: không quá 109 trẻ trai/100 trẻ gái".
        var notMet = milestones ? $"Kết quả {result} chưa đạt chỉ tiêu; mốc năm {milestone.Year}: {goal}" : $"Kết quả {result} chưa đạt chỉ tiêu {goal}";
        var start = stretch.Start is { } s ? FormatValue(indicator, s, language) : "";
        // A merged place's baseline added up from its former places says so: "108 năm 2020 (gộp từ 4 đơn vị cũ: ...)".
        var carried = score.CarriedBaseline is { } former ? $" ({former.Explanation.In(language)})" : "";
        var baseline = score.Baseline is { } b ? FormatValue(indicator, b, language) + carried : "";
        var baselineYear = score.CarriedBaseline?.Score.Period.Year ?? definition.BaselineYear;
        var expected = score.Expected is { } e ? FormatValue(indicator, e, language) : "";
        // Clamped: a value far from a near-zero baseline gives a ratio no decimal can hold, and "a billion per cent" says enough.
        var pace = score.ProgressRatio is { } ratio && double.IsFinite(ratio) ? Number((decimal)Math.Round(Math.Clamp(ratio * 100, -1e12, 1e12)), language) + "%" : "";
        var year = score.Period.Year;
        var linear = definition.Path == ProgressPath.Linear;
        var term = indicator.ChangesOnlyAtElections && indicator.ElectionBy(year) is { } election ? Term(indicator, election, language) : null;
        var nextElection = indicator.ElectionAfter(indicator.ElectionBy(year) ?? year);
        // On the straight line the ratio is the share of the change due by now that was made: a rise or a fall.
        var change = stretch.Start is { } from && milestone.Target < from ? (vi ? "mức giảm" : "fall") : (vi ? "mức tăng" : "rise");
        // The stretch: from the baseline or the previous milestone's target, to the milestone in force.
        var startVi = stretch.FromMilestone ? $"mốc năm {stretch.StartYear} ({start})" : $"{start} năm {stretch.StartYear}{carried}";
        var startEn = stretch.FromMilestone ? $"the {stretch.StartYear} milestone ({start})" : $"{start} in {stretch.StartYear}{carried}";
        var endVi = milestones ? $"mốc năm {milestone.Year} ({target})" : $"{target} năm {milestone.Year}";
        var endEn = milestones ? $"the {milestone.Year} milestone ({target})" : $"{target} in {milestone.Year}";
        var line = $"theo lộ trình đều từ {startVi} đến {endVi}, kỳ này cần đạt {expected}";
        var lineEn = $"expected now on the straight line from {startEn} to {endEn}: {expected}";
        var milestoneEn = milestones ? $"the {milestone.Year} milestone: " : "";
        // After a milestone that is not the last, the next stretch starts from its target: say so when it is missed.
        var following = definition.Milestones.FirstOrDefault(later => later.Year > milestone.Year);
        var onwards = following == default ? "" : vi
            ? $" Lộ trình đến mốc năm {following.Year} tính từ chỉ tiêu {target} của mốc này, không từ kết quả đạt được."
            : $" The stretch to the {following.Year} milestone starts from this milestone's target ({target}), not from the figure reached.";
        return (score.Reason, score.Status, vi) switch
        {
            (StatusReason.TargetMet, _, true) when term is not null => $"Kết quả bầu cử {term}: {result}, đạt chỉ tiêu {goal}.",
            (StatusReason.TargetMet, _, false) when term is not null => $"{comparison}: target met by the {term} result.",
            (StatusReason.ElectionResultBelowTarget, _, true) => $"Chỉ tiêu chỉ thay đổi khi bầu cử: kết quả bầu cử {term} là {result}, không đạt chỉ tiêu {goal}; "
                + (nextElection is { } next ? $"số liệu giữ nguyên đến kỳ bầu cử năm {next}." : "số liệu giữ nguyên đến hết nhiệm kỳ."),
            (StatusReason.ElectionResultBelowTarget, _, false) => $"{comparison}: changes only at elections; the {term} result misses the target and "
                + (nextElection is { } nextEn ? $"stands until the {nextEn} election." : "stands for the rest of the term."),
            (StatusReason.ElectionAhead, _, true) => $"{notMet}; chỉ tiêu chỉ thay đổi khi bầu cử: số liệu hiện tại là của nhiệm kỳ trước, chỉ tiêu được đánh giá theo kết quả bầu cử năm {nextElection}.",
            (StatusReason.ElectionAhead, _, false) => $"{comparison}: changes only at elections; this is the previous term's figure, and the target is judged on the result of the {nextElection} election.",
            (StatusReason.TargetMet, _, true) when indicator.Unit.IsCategory => $"Kết quả: {result}, đạt chỉ tiêu ({target} trở lên).",
            (StatusReason.TargetMet, _, false) when indicator.Unit.IsCategory => $"{result}: target met ({target} or better).",
            (StatusReason.TargetMet, _, true) when milestones => $"Kết quả {result} đạt chỉ tiêu mốc năm {milestone.Year} ({goal}).",
            (StatusReason.TargetMet, _, false) when milestones => $"{comparison}: the {milestone.Year} milestone is met.",
            (StatusReason.TargetMet, _, true) => $"Kết quả {result} đạt chỉ tiêu {goal}.",
            (StatusReason.TargetMet, _, false) => $"{comparison}: target met.",
            (StatusReason.CategoryBelowTarget, _, true) => $"Kết quả: {result}, chưa đạt chỉ tiêu ({target}).",
            (StatusReason.CategoryBelowTarget, _, false) => $"{result}: below the target level ({target}).",
            (StatusReason.NoBaseline, _, true) => $"{notMet}; không có số liệu năm gốc để đánh giá tiến độ.",
            (StatusReason.NoBaseline, _, false) => $"{comparison}: {milestoneEn}not met, and there is no baseline to measure progress from.",
            (StatusReason.SlippedFromBaseline, _, true) when stretch.FromMilestone => $"{notMet}. Không duy trì được mức của mốc năm {stretch.StartYear} ({start}).",
            (StatusReason.SlippedFromBaseline, _, false) when stretch.FromMilestone => $"{comparison}: the level of the {stretch.StartYear} milestone ({start}) must be maintained, and it no longer is.",
            (StatusReason.SlippedFromBaseline, _, true) => $"{notMet}. Không duy trì được mức năm {baselineYear} ({baseline}).",
            (StatusReason.SlippedFromBaseline, _, false) => $"{comparison}: {milestoneEn}the level met in {baselineYear} ({baseline}) must be maintained, and it no longer is.",
            (StatusReason.TargetYearReached, _, true) when milestones => $"Kết quả {result} không đạt chỉ tiêu mốc năm {milestone.Year} ({goal}).{onwards}",
            (StatusReason.TargetYearReached, _, false) when milestones => $"{comparison}: the {milestone.Year} milestone has come and its target is not met.{onwards}",
            (StatusReason.TargetYearReached, _, true) => $"Kết quả {result} không đạt chỉ tiêu {goal} của năm {milestone.Year}.",
            (StatusReason.TargetYearReached, _, false) => $"{comparison}: the target year {milestone.Year} has come and the target is not met.",
            (StatusReason.YearNotMet, _, true) => $"Kết quả {result} không đạt chỉ tiêu hằng năm {goal} trong năm {year}.",
            (StatusReason.YearNotMet, _, false) => $"{comparison}: the target holds for every year, and {year} did not meet it.",
            (StatusReason.YearNotMetYet, _, true) => $"{notMet}; chỉ tiêu áp dụng hằng năm, còn 6 tháng cuối năm {year} để thực hiện.",
            (StatusReason.YearNotMetYet, _, false) => $"{comparison}: the target holds for every year, and half of {year} is left to meet it.",
            (_, _, true) when score.ProgressRatio < 0 && stretch.FromMilestone => $"{notMet}; kết quả diễn biến ngược chiều chỉ tiêu so với mốc năm {stretch.StartYear} ({start}).",
            (_, _, false) when score.ProgressRatio < 0 && stretch.FromMilestone => $"{comparison}: off track, moving away from {milestoneEn}{target} since the {stretch.StartYear} milestone ({start}).",
            (_, _, true) when score.ProgressRatio < 0 => $"{notMet}; kết quả diễn biến ngược chiều chỉ tiêu so với năm {baselineYear} ({baseline}).",
            (_, _, false) when score.ProgressRatio < 0 => $"{comparison}: off track, moving away from the target since {baselineYear} ({baseline}).",
            (_, Status.OnTrack, true) when linear => $"{notMet}; {line}, đã thực hiện được {pace} {change} cần đạt.",
            (_, Status.OnTrack, false) when linear => $"{comparison}: on track, {pace} of the {change} due by now ({lineEn}).",
            (_, _, true) when linear => $"{notMet}; {line}, mới thực hiện được {pace} {change} cần đạt.",
            (_, Status.FallingBehind, false) when linear => $"{comparison}: falling behind, only {pace} of the {change} due by now ({lineEn}).",
            (_, _, false) when linear => $"{comparison}: off track, only {pace} of the {change} due by now ({lineEn}).",
            (_, Status.OnTrack, true) => $"{notMet}; tốc độ thực hiện bằng {pace} tốc độ cần thiết, kỳ này cần đạt {expected}.",
            (_, Status.OnTrack, false) => $"{comparison}: on track, moving at {pace} of the required pace ({milestoneEn}expected now: {expected}).",
            (_, Status.FallingBehind, false) => $"{comparison}: falling behind, moving at only {pace} of the required pace ({milestoneEn}expected now: {expected}).",
            (_, _, true) => $"{notMet}; tốc độ thực hiện mới bằng {pace} tốc độ cần thiết, kỳ này cần đạt {expected}.",
            (_, _, false) => $"{comparison}: off track, moving at only {pace} of the required pace ({milestoneEn}expected now: {expected}).",
        };
    }

    /// <summary>"nhiệm kỳ 2016-2021" when the next election is listed, else "năm 2016": the term the result stands for.</summary>
    private static string Term(Indicator indicator, int election, Language language) =>
        (indicator.ElectionAfter(election), language) switch
        {
            ({ } next, Language.Vietnamese) => $"nhiệm kỳ {election}-{next}",
            ({ } next, _) => $"{election}-{next} term",
            (null, Language.Vietnamese) => $"năm {election}",
            _ => $"{election} election",
        };

    private static string Symbol(Indicator indicator, bool met) => (indicator.Direction, met) switch
    {
        (Direction.AtLeast, true) => "≥",
        (Direction.AtLeast, false) => "<",
        (Direction.AtMost, true) => "≤",
        _ => ">",
    };

    private static string Number(decimal value, Language language) =>
        language == Language.Vietnamese ? VietnameseNumber.Format(value) : VietnameseNumber.FormatEnglish(value);
}
