using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads one indicator's value in the forms officials use: "96,5", "96.5%", "108/100" scaled to the
/// indicator's unit, "0/0" (nothing to measure), "Không có" for a count of zero, category words with or
/// without diacritics, or a numerator and denominator in their own columns. All arithmetic is decimal, so
/// 29/100 is exactly 29%. Every number is at most <see cref="ReportLimits.MaxValue"/>, so that arithmetic
/// never overflows.
/// </summary>
public static class ValueReader
{
    private static readonly HashSet<string> NoneWords = ["khong co", "khong", "none", "chua phat hien"];

    /// <summary>The cells of one row that carry the value.</summary>
    /// <param name="Value">The value cell.</param>
    /// <param name="Numerator">The numerator cell, or empty.</param>
    /// <param name="Denominator">The denominator cell, or empty.</param>
    public sealed record Cells(string Value, string Numerator, string Denominator);

    /// <summary>
    /// Reads the measurement, or returns null with <paramref name="error"/> set, or null with no error when
    /// nothing was reported. <paramref name="errorCell"/> says which cell the error is about.
    /// </summary>
    public static Measurement? Read(Indicator indicator, Cells cells, out LocalizedText? error, out ErrorCell errorCell)
    {
        error = null;
        errorCell = ErrorCell.Value;
        var hasNumerator = cells.Numerator.Length > 0;
        var hasDenominator = cells.Denominator.Length > 0;
        if (hasNumerator != hasDenominator)
        {
            errorCell = hasNumerator ? ErrorCell.Denominator : ErrorCell.Numerator;
            error = new("cần ghi cả tử số và mẫu số, hoặc để trống cả hai", "give both the numerator and the denominator, or neither");
            return null;
        }

        Measurement? fromParts = null;
        if (hasNumerator)
        {
            fromParts = ReadFraction(indicator, cells.Numerator, cells.Denominator, out error);
            if (error is not null)
            {
                errorCell = ErrorCell.Numerator;
                return null;
            }
        }

        if (cells.Value.Length == 0)
        {
            return fromParts is { } parts ? Checked(indicator, parts, out error) : null;
        }

        var measurement = ReadValue(indicator, cells.Value, out error);
        if (measurement is null)
        {
            return null;
        }

        if (fromParts is { } computed && !Agrees(measurement.Value, computed))
        {
            error = new($"kết quả {cells.Value} không khớp với tử số/mẫu số {cells.Numerator}/{cells.Denominator}", $"the value {cells.Value} does not match numerator/denominator {cells.Numerator}/{cells.Denominator}");
            return null;
        }

        return Checked(indicator, measurement.Value with { Counts = fromParts?.Counts }, out error);
    }

    /// <summary>Which of a row's value cells an error is about.</summary>
    public enum ErrorCell
    {
        /// <summary>The value column.</summary>
        Value,

        /// <summary>The numerator column.</summary>
        Numerator,

        /// <summary>The denominator column.</summary>
        Denominator,
    }

    private static Measurement? ReadValue(Indicator indicator, string text, out LocalizedText? error)
    {
        error = null;
        var unit = indicator.Unit;
        if (unit.IsCategory)
        {
            var category = CategoryMatcher.Find(indicator.Definition.Categories, text);
            if (category is null)
            {
                var levels = string.Join(", ", indicator.Definition.Categories.Select(level => level.Name.Vi));
                error = new($"'{text}' không phải là mức bố trí cán bộ; ghi một trong các mức: {levels}", $"'{text}' is not a staffing level; write one of: {levels}");
                return null;
            }

            return Measurement.Of(category.Level);
        }

        if (NoneWords.Contains(VietnameseText.Fold(text)))
        {
            if (unit == MeasureUnit.Count)
            {
                return Measurement.Of(0m);
            }

            error = new($"'{text}' nghĩa là không có, chỉ dùng cho chỉ tiêu đếm số lượng; với tỷ lệ, ghi 0, hoặc 0/0 khi không phát sinh trường hợp nào", $"'{text}' means none, which only a count can be; for a rate write 0, or 0/0 when there was nothing to measure");
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return ReadFraction(indicator, text[..slash], text[(slash + 1)..], out error);
        }

        var trimmed = text.Trim();
        var hasPercent = trimmed.EndsWith('%');
        if (hasPercent && unit != MeasureUnit.Percent)
        {
            error = new($"'{text}' là tỷ lệ phần trăm, nhưng {indicator.Code} được tính theo đơn vị {indicator.Definition.UnitName.Vi}", $"'{text}' is a percentage, but {indicator.Code} is measured in {indicator.Definition.UnitName.En}");
            return null;
        }

        var digits = hasPercent ? trimmed[..^1] : trimmed;
        if (!VietnameseNumber.TryParse(digits, unit.WholeNumbers, out var number))
        {
            error = new($"'{text}' không phải là số (ghi 96,5 hoặc 96.5{(unit.RatioScale is null ? "" : ", hoặc phân số như 29/100")})", $"'{text}' is not a number (write 96,5 or 96.5{(unit.RatioScale is null ? "" : ", or a fraction such as 29/100")})");
            return null;
        }

        if (TooLarge(number, text, out error))
        {
            return null;
        }

        return Measurement.Of(number);
    }

    private static Measurement? ReadFraction(Indicator indicator, string numeratorText, string denominatorText, out LocalizedText? error)
    {
        error = null;
        if (indicator.Unit.RatioScale is not { } scale)
        {
            error = new($"{indicator.Code} được tính theo {indicator.Definition.UnitName.Vi}; ghi một số, không ghi phân số", $"{indicator.Code} is a {indicator.Unit.Id}; write a single number, not a fraction");
            return null;
        }

        if (!VietnameseNumber.TryParse(numeratorText, wholeNumberExpected: true, out var numerator)
            || !VietnameseNumber.TryParse(denominatorText, wholeNumberExpected: true, out var denominator))
        {
            error = new($"'{numeratorText.Trim()}/{denominatorText.Trim()}' không phải là phân số của hai số", $"'{numeratorText.Trim()}/{denominatorText.Trim()}' is not a fraction of two numbers");
            return null;
        }

        if (TooLarge(numerator, numeratorText.Trim(), out error) || TooLarge(denominator, denominatorText.Trim(), out error))
        {
            return null;
        }

        if (numerator < 0 || denominator < 0)
        {
            error = new($"'{numeratorText.Trim()}/{denominatorText.Trim()}' có số âm", $"'{numeratorText.Trim()}/{denominatorText.Trim()}' has a negative part");
            return null;
        }

        if (denominator == 0)
        {
            if (numerator == 0)
            {
                return Measurement.NotApplicable;
            }

            error = new($"'{numeratorText.Trim()}/{denominatorText.Trim()}' có mẫu số bằng 0", $"'{numeratorText.Trim()}/{denominatorText.Trim()}' divides by zero");
            return null;
        }

        // Both parts are at most MaxValue, so the product cannot overflow, and neither can the quotient it bounds.
        if (numerator > denominator * (ReportLimits.MaxValue / scale))
        {
            error = new($"'{numeratorText.Trim()}/{denominatorText.Trim()}' vượt quá giá trị lớn nhất cho phép ({Show(ReportLimits.MaxValue)})", $"'{numeratorText.Trim()}/{denominatorText.Trim()}' is larger than any value can be (at most {Show(ReportLimits.MaxValue)})");
            return null;
        }

        return Measurement.Of(numerator / denominator * scale) with { Counts = new Counts(numerator, denominator) };
    }

    private static bool TooLarge(decimal number, string text, out LocalizedText? error)
    {
        error = Math.Abs(number) > ReportLimits.MaxValue ? new($"'{text}' vượt quá giá trị lớn nhất cho phép ({Show(ReportLimits.MaxValue)})", $"'{text}' is larger than any value can be (at most {Show(ReportLimits.MaxValue)})") : null;
        return error is not null;
    }

    private static Measurement? Checked(Indicator indicator, Measurement measurement, out LocalizedText? error)
    {
        error = null;
        if (measurement.Kind == MeasurementKind.NotApplicable)
        {
            return measurement;
        }

        var value = measurement.Value;
        if (value < 0)
        {
            error = new($"{Show(value)} là số âm; {indicator.Code} không thể âm", $"{Show(value)} is negative; {indicator.Code} cannot be");
            return null;
        }

        if (indicator.Unit.UpperBound is { } upper && value > upper)
        {
            error = new($"{Show(value)}% nằm ngoài khoảng 0-100", $"{Show(value)}% is outside 0-100");
            return null;
        }

        if (indicator.Unit == MeasureUnit.Count && value != decimal.Truncate(value))
        {
            error = new($"{Show(value)} không phải là số nguyên; {indicator.Code} là chỉ tiêu đếm số lượng", $"{Show(value)} is not a whole number; {indicator.Code} is a count");
            return null;
        }

        return measurement;
    }

    /// <summary>A value and its numerator/denominator agree when they round to the same figure.</summary>
    private static bool Agrees(Measurement written, Measurement computed) =>
        written.Kind == computed.Kind
        && Math.Abs(written.Value - computed.Value) <= Math.Max(0.05m, Math.Abs(computed.Value) * 0.005m);

    private static string Show(decimal value) => VietnameseNumber.FormatEnglish(value);
}
