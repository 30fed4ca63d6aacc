using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// A reported value as officials write it on the pages: a rate with one decimal and the decimal comma ("66,7%"),
/// a level by its name ("Kiêm nhiệm"), anything else with its unit ("108 trẻ trai/100 trẻ gái"). A stored 2/3 is
/// 66,666…; nobody writes "66,67%" in a report to the province, and a bare number or level number means nothing.
/// </summary>
public static class ValueText
{
    /// <summary>The value in both languages, with its unit.</summary>
    public static LocalizedText Of(Indicator indicator, decimal value) => new(In(indicator, value, Language.Vietnamese), In(indicator, value, Language.English));

    /// <summary>The value in <paramref name="language"/>, with its unit.</summary>
    public static string In(Indicator indicator, decimal value, Language language)
    {
        if (indicator.Unit.IsCategory)
        {
            return indicator.CategoryAt(value)?.Name.In(language) ?? Number(value, 0, language);
        }

        return indicator.Unit == MeasureUnit.Percent
            ? Number(value, 1, language) + "%"
            : $"{Number(value, 2, language)} {indicator.Definition.UnitName.In(language)}";
    }

    private static string Number(decimal value, int decimals, Language language)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return language == Language.Vietnamese ? VietnameseNumber.Format(rounded) : rounded.ToString("#,##0.##", CultureInfo.InvariantCulture);
    }
}
