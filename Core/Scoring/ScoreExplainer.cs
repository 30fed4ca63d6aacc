using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// One plain sentence per score, in Vietnamese and English, for officials who will not read a ratio:
/// "Kết quả 97,2% chưa đạt chỉ tiêu 98%; tốc độ thực hiện mới bằng 59% tốc độ cần thiết, kỳ này cần đạt 97,7%."
/// </summary>
public static class ScoreExplainer
{
    /// <summary>The explanation of <paramref name="score"/> in both languages, with the margin of chance where the counts give one.</summary>
    public static LocalizedText Explain(IndicatorScore score) =>
        new(Sentence(score, Language.Vietnamese) + Margin(score, Language.Vietnamese), Sentence(score, Language.English) + Margin(score, Language.English));

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
        var target = FormatValue(indicator, definition.Target, language);
        var result = FormatValue(indicator, value, language);
        var comparison = $"{result} {Symbol(indicator, score.Status == Status.Met)} {target}";
        // "Kết quả 97,2% chưa đạt chỉ tiêu 98%": a ceiling reads "không quá 25 trên 100 trẻ đẻ sống".
        var goal = indicator.Direction == Direction.AtMost && !indicator.Unit.IsCategory ? "không quá " + target : target;
        var notMet = $"Kết quả {result} chưa đạt chỉ tiêu {goal}";
        var baseline = definition.Baseline is { } b ? FormatValue(indicator, b, language) : "";
        var expected = score.Expected is { } e ? FormatValue(indicator, e, language) : "";
        // Clamped: a value far from a near-zero baseline gives a ratio no decimal can hold, and "a billion per cent" says enough.
        var pace = score.ProgressRatio is { } ratio && double.IsFinite(ratio) ? Number((decimal)Math.Round(Math.Clamp(ratio * 100, -1e12, 1e12)), language) + "%" : "";
        var year = score.Period.Year;
        return (score.Reason, score.Status, vi) switch
        {
            (StatusReason.TargetMet, _, true) when indicator.Unit.IsCategory => $"Kết quả: {result}, đạt chỉ tiêu ({target} trở lên).",
            (StatusReason.TargetMet, _, false) when indicator.Unit.IsCategory => $"{result}: target met ({target} or better).",
            (StatusReason.TargetMet, _, true) => $"Kết quả {result} đạt chỉ tiêu {goal}.",
            (StatusReason.TargetMet, _, false) => $"{comparison}: target met.",
            (StatusReason.CategoryBelowTarget, _, true) => $"Kết quả: {result}, chưa đạt chỉ tiêu ({target}).",
            (StatusReason.CategoryBelowTarget, _, false) => $"{result}: below the target level ({target}).",
            (StatusReason.NoBaseline, _, true) => $"{notMet}; không có số liệu năm gốc để đánh giá tiến độ.",
            (StatusReason.NoBaseline, _, false) => $"{comparison}: not met, and there is no baseline to measure progress from.",
            (StatusReason.SlippedFromBaseline, _, true) => $"{notMet}. Không duy trì được mức năm {definition.BaselineYear} ({baseline}).",
            (StatusReason.SlippedFromBaseline, _, false) => $"{comparison}: the level met in {definition.BaselineYear} ({baseline}) must be maintained, and it no longer is.",
            (StatusReason.TargetYearReached, _, true) => $"Kết quả {result} không đạt chỉ tiêu {goal} của năm {definition.TargetYear}.",
            (StatusReason.TargetYearReached, _, false) => $"{comparison}: the target year {definition.TargetYear} has come and the target is not met.",
            (StatusReason.YearNotMet, _, true) => $"Kết quả {result} không đạt chỉ tiêu hằng năm {goal} trong năm {year}.",
            (StatusReason.YearNotMet, _, false) => $"{comparison}: the target holds for every year, and {year} did not meet it.",
            (StatusReason.YearNotMetYet, _, true) => $"{notMet}; chỉ tiêu áp dụng hằng năm, còn 6 tháng cuối năm {year} để thực hiện.",
            (StatusReason.YearNotMetYet, _, false) => $"{comparison}: the target holds for every year, and half of {year} is left to meet it.",
            (_, _, true) when score.ProgressRatio < 0 => $"{notMet}; kết quả diễn biến ngược chiều chỉ tiêu so với năm {definition.BaselineYear} ({baseline}).",
            (_, _, false) when score.ProgressRatio < 0 => $"{comparison}: off track, moving away from the target since {definition.BaselineYear} ({baseline}).",
            (_, Status.OnTrack, true) => $"{notMet}; tốc độ thực hiện bằng {pace} tốc độ cần thiết, kỳ này cần đạt {expected}.",
            (_, Status.OnTrack, false) => $"{comparison}: on track, moving at {pace} of the required pace (expected now: {expected}).",
            (_, Status.FallingBehind, false) => $"{comparison}: falling behind, moving at only {pace} of the required pace (expected now: {expected}).",
            (_, _, true) => $"{notMet}; tốc độ thực hiện mới bằng {pace} tốc độ cần thiết, kỳ này cần đạt {expected}.",
            (_, _, false) => $"{comparison}: off track, moving at only {pace} of the required pace (expected now: {expected}).",
        };
    }

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
