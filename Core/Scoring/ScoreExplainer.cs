using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// One plain sentence per score, in Vietnamese and English, for officials who will not read a ratio:
/// "97,2% &lt; 98%: cần tăng tốc, tốc độ chỉ đạt 72% mức cần thiết (lúc này cần 97,6%)."
/// </summary>
public static class ScoreExplainer
{
    /// <summary>The explanation of <paramref name="score"/> in both languages.</summary>
    public static LocalizedText Explain(IndicatorScore score) =>
        new(Sentence(score, Language.Vietnamese), Sentence(score, Language.English));

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
            return vi ? "0/0: không áp dụng, không có trường hợp nào để đánh giá." : "0/0: not applicable, there was no case to measure.";
        }

        var value = score.Measurement.Value;
        var target = FormatValue(indicator, definition.Target, language);
        var comparison = $"{FormatValue(indicator, value, language)} {Symbol(indicator, score.Status == Status.Met)} {target}";
        var baseline = definition.Baseline is { } b ? FormatValue(indicator, b, language) : "";
        var expected = score.Expected is { } e ? FormatValue(indicator, e, language) : "";
        // Clamped: a value far from a near-zero baseline gives a ratio no decimal can hold, and "a billion per cent" says enough.
        var pace = score.ProgressRatio is { } ratio && double.IsFinite(ratio) ? Number((decimal)Math.Round(Math.Clamp(ratio * 100, -1e12, 1e12)), language) + "%" : "";
        return (score.Reason, score.Status, vi) switch
        {
            (StatusReason.TargetMet, _, true) when indicator.Unit.IsCategory => $"{FormatValue(indicator, value, language)}: đã đạt chỉ tiêu ({target} trở lên).",
            (StatusReason.TargetMet, _, false) when indicator.Unit.IsCategory => $"{FormatValue(indicator, value, language)}: target met ({target} or better).",
            (StatusReason.TargetMet, _, true) => $"{comparison}: đã đạt chỉ tiêu.",
            (StatusReason.TargetMet, _, false) => $"{comparison}: target met.",
            (StatusReason.CategoryBelowTarget, _, true) => $"{FormatValue(indicator, value, language)}: chưa đạt mức {target}.",
            (StatusReason.CategoryBelowTarget, _, false) => $"{FormatValue(indicator, value, language)}: below the target level ({target}).",
            (StatusReason.NoBaseline, _, true) => $"{comparison}: chưa đạt, và không có số liệu cơ sở để đo tiến độ.",
            (StatusReason.NoBaseline, _, false) => $"{comparison}: not met, and there is no baseline to measure progress from.",
            (StatusReason.SlippedFromBaseline, _, true) => $"{comparison}: chỉ tiêu cần duy trì (năm {definition.BaselineYear} đạt {baseline}) nhưng nay không còn đạt.",
            (StatusReason.SlippedFromBaseline, _, false) => $"{comparison}: the level met in {definition.BaselineYear} ({baseline}) must be maintained, and it no longer is.",
            (StatusReason.TargetYearReached, _, true) => $"{comparison}: đã đến năm mục tiêu {definition.TargetYear} mà chưa đạt.",
            (StatusReason.TargetYearReached, _, false) => $"{comparison}: the target year {definition.TargetYear} has come and the target is not met.",
            (_, _, true) when score.ProgressRatio < 0 => $"{comparison}: chệch hướng, đang đi xa mục tiêu so với năm {definition.BaselineYear} ({baseline}).",
            (_, _, false) when score.ProgressRatio < 0 => $"{comparison}: off track, moving away from the target since {definition.BaselineYear} ({baseline}).",
            (_, Status.OnTrack, true) => $"{comparison}: đúng tiến độ, tốc độ đạt {pace} mức cần thiết (lúc này cần {expected}).",
            (_, Status.OnTrack, false) => $"{comparison}: on track, moving at {pace} of the required pace (expected now: {expected}).",
            (_, Status.FallingBehind, true) => $"{comparison}: cần tăng tốc, tốc độ chỉ đạt {pace} mức cần thiết (lúc này cần {expected}).",
            (_, Status.FallingBehind, false) => $"{comparison}: falling behind, moving at only {pace} of the required pace (expected now: {expected}).",
            (_, _, true) => $"{comparison}: chệch hướng, tốc độ chỉ đạt {pace} mức cần thiết (lúc này cần {expected}).",
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
