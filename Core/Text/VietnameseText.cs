using System.Globalization;
using System.Text;

namespace GenderPlan.Core.Text;

/// <summary>Comparisons that forgive how Vietnamese is typed: with or without diacritics, any case, extra spaces.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Folds text to lower-case ASCII words: "Kiêm  nhiệm" and "kiem nhiem" fold alike. Đ is not a combining
    /// mark, so it is mapped by hand.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(character))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(character switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(character),
            });
        }

        return builder.ToString();
    }
}
