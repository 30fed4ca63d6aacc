using System.Globalization;

namespace GenderPlan.Core.Text;

/// <summary>
/// Reads numbers as officials write them. Vietnamese writes "96,5" and "44.096" (a comma for decimals and
/// a dot between thousands), but many files arrive with "96.5"; both are accepted where they cannot be
/// confused, and the value is kept as an exact decimal.
/// </summary>
public static class VietnameseNumber
{
    private static readonly NumberFormatInfo VietnameseFormat = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>
    /// Parses <paramref name="text"/>. With <paramref name="wholeNumberExpected"/>, "100.000" is one hundred
    /// thousand (dot between thousands), as in a count or the denominator of "45/100.000"; otherwise a
    /// single dot or a single comma is the decimal mark.
    /// </summary>
    public static bool TryParse(string text, bool wholeNumberExpected, out decimal value)
    {
        value = 0;
        var compact = string.Concat(text.Where(character => !char.IsWhiteSpace(character) && character != '\u202F'));
        if (compact.Length == 0 || compact.Length > 40)
        {
            return false;
        }

        // At most one sign, first: "+-52" and "--5" are typing slips, not numbers.
        var negative = compact[0] == '-';
        var digits = compact[0] is '-' or '+' ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(character => char.IsAsciiDigit(character) || character is '.' or ','))
        {
            return false;
        }

        var dots = digits.Count(character => character == '.');
        var commas = digits.Count(character => character == ',');
        char? decimalMark;
        if (dots > 0 && commas > 0)
        {
            decimalMark = digits.LastIndexOf('.') > digits.LastIndexOf(',') ? '.' : ',';
            if (digits.Count(character => character == decimalMark) > 1)
            {
                return false;
            }
        }
        else if (dots + commas == 0)
        {
            decimalMark = null;
        }
        else
        {
            var mark = dots > 0 ? '.' : ',';
            var isGrouping = dots + commas > 1 || (wholeNumberExpected && mark == '.' && HasThousandsGroups(digits, mark));
            decimalMark = isGrouping ? null : mark;
        }

        var groupMark = decimalMark == '.' ? ',' : '.';
        if (decimalMark is null)
        {
            groupMark = dots > 0 ? '.' : ',';
        }

        var integerPart = decimalMark is { } dm ? digits[..digits.LastIndexOf(dm)] : digits;
        if (integerPart.Contains(groupMark) && !HasThousandsGroups(integerPart, groupMark))
        {
            return false;
        }

        var canonical = digits.Replace(groupMark.ToString(), "", StringComparison.Ordinal);
        if (decimalMark is { } mark2)
        {
            canonical = canonical.Replace(mark2, '.');
        }

        if (canonical.StartsWith('.') || canonical.EndsWith('.'))
        {
            return false;
        }

        if (!decimal.TryParse(canonical, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>Writes a number the Vietnamese way, at most two decimals: 96,5 and 100.000.</summary>
    public static string Format(decimal value) => Math.Round(value, 2).ToString("#,##0.##", VietnameseFormat);

    /// <summary>Writes a number the English way, at most two decimals: 96.5 and 100,000.</summary>
    public static string FormatEnglish(decimal value) => Math.Round(value, 2).ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static bool HasThousandsGroups(string digits, char mark)
    {
        var groups = digits.Split(mark);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(group => group.Length == 3);
    }
}
