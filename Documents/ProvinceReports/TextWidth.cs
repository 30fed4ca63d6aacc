namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// How wide a line of Times New Roman is, estimated without the font: Nghị định 30/2020 asks for the rule under the
/// tiêu ngữ to be as long as the text and the one under the issuing body 1/3 to 1/2 of it, and Word draws rules, not
/// underlines, at a length given in twips. Average advances measured on Liberation Serif (metric-compatible with Times
/// New Roman) for Vietnamese text: about 0.45 em a character in mixed case, 0.62 in capitals; the estimate errs wide.
/// </summary>
internal static class TextWidth
{
    /// <summary>The width of <paramref name="text"/> at <paramref name="points"/> in twips.</summary>
    public static int Twips(string text, double points)
    {
        var capitals = text.Any(char.IsLetter) && text.Where(char.IsLetter).All(char.IsUpper);
        var perCharacter = capitals ? 0.63 : 0.455;
        return (int)Math.Ceiling(text.Length * perCharacter * points * 20);
    }

    /// <summary>The words of <paramref name="text"/> in lines no wider than <paramref name="width"/> twips, as Word would wrap them.</summary>
    public static IReadOnlyList<string> Wrap(string text, double points, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Twips(candidate, points) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
