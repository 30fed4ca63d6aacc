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
    public static Measurement? Read(Indicator indicator, Cells cells, out CodedMessage? error, out ErrorCell errorCell)
    {
        error = null;
        errorCell = ErrorCell.Value;
        var hasNumerator = cells.Numerator.Length > 0;
        var hasDenominator = cells.Denominator.Length > 0;
        if (hasNumerator != hasDenominator)
        {
            errorCell = hasNumerator ? ErrorCell.Denominator : ErrorCell.Numerator;
            error = Messages.PartsIncomplete.With();
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
            error = Messages.PartsDisagree.With(cells.Value, cells.Numerator, cells.Denominator);
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

    private static Measurement? ReadValue(Indicator indicator, string text, out CodedMessage? error)
    {
        error = null;
        var unit = indicator.Unit;
        if (unit.IsCategory)
        {
            var category = CategoryMatcher.Find(indicator.Definition.Categories, text);
            if (category is null)
            {
                var levels = string.Join(", ", indicator.Definition.Categories.Select(level => level.Name.Vi));
                error = Messages.NotALevel.With(text, levels);
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

            error = Messages.NoneOnlyForCounts.With(text);
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
            error = Messages.PercentNotItsUnit.With(text, indicator.Code, indicator.Definition.UnitName.Vi, indicator.Definition.UnitName.En);
            return null;
        }

        var digits = hasPercent ? trimmed[..^1] : trimmed;
        if (!VietnameseNumber.TryParse(digits, unit.WholeNumbers, out var number))
        {
            error = (unit.RatioScale is null ? Messages.NotANumber : Messages.NotANumberOrFraction).With(text);
            return null;
        }

        if (TooLarge(number, text, out error))
        {
            return null;
        }

        return Measurement.Of(number);
    }

    private static Measurement? ReadFraction(Indicator indicator, string numeratorText, string denominatorText, out CodedMessage? error)
    {
        error = null;
        if (indicator.Unit.RatioScale is not { } scale)
        {
            error = Messages.NoFractionForUnit.With(indicator.Code, indicator.Definition.UnitName.Vi, indicator.Unit.Id);
            return null;
        }

        if (!VietnameseNumber.TryParse(numeratorText, wholeNumberExpected: true, out var numerator)
            || !VietnameseNumber.TryParse(denominatorText, wholeNumberExpected: true, out var denominator))
        {
            error = Messages.NotAFraction.With($"{numeratorText.Trim()}/{denominatorText.Trim()}");
            return null;
        }

        if (TooLarge(numerator, numeratorText.Trim(), out error) || TooLarge(denominator, denominatorText.Trim(), out error))
        {
            return null;
        }

        if (numerator < 0 || denominator < 0)
        {
            error = Messages.FractionNegative.With($"{numeratorText.Trim()}/{denominatorText.Trim()}");
            return null;
        }

        if (denominator == 0)
        {
            if (numerator == 0)
            {
                return Measurement.NotApplicable;
            }

            error = Messages.DividesByZero.With($"{numeratorText.Trim()}/{denominatorText.Trim()}");
            return null;
        }

        // Both parts are at most MaxValue, so the product cannot overflow, and neither can the quotient it bounds.
        if (numerator > denominator * (ReportLimits.MaxValue / scale))
        {
            error = Messages.TooLarge.With($"{numeratorText.Trim()}/{denominatorText.Trim()}", Show(ReportLimits.MaxValue));
            return null;
        }

        return Measurement.Of(numerator / denominator * scale) with { Counts = new Counts(numerator, denominator) };
    }

    private static bool TooLarge(decimal number, string text, out CodedMessage? error)
    {
        error = Math.Abs(number) > ReportLimits.MaxValue ? Messages.TooLarge.With(text, Show(ReportLimits.MaxValue)) : null;
        return error is not null;
    }

    private static Measurement? Checked(Indicator indicator, Measurement measurement, out CodedMessage? error)
    {
        error = null;
        if (measurement.Kind == MeasurementKind.NotApplicable)
        {
            return measurement;
        }

        var value = measurement.Value;
        if (value < 0)
        {
            error = Messages.Negative.With(Show(value), indicator.Code);
            return null;
        }

        if (indicator.Unit.UpperBound is { } upper && value > upper)
        {
            error = Messages.OutsidePercent.With(Show(value));
            return null;
        }

        if (indicator.Unit == MeasureUnit.Count && value != decimal.Truncate(value))
        {
            error = Messages.NotWhole.With(Show(value), indicator.Code);
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
