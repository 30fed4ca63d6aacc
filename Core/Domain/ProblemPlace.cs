using System.Globalization;
using System.Text.RegularExpressions;

namespace GenderPlan.Core.Domain;

/// <summary>
/// Where a report problem is, taken apart for a page that puts each message beside the row to fix: the
/// row (or JSON item) number, the column letter (or JSON field) and the indicator of the row. The readers
/// write one location string (<c>row 3, column D (value), G4.3a</c>) so every output says it the same way;
/// this reads that string back rather than giving every reader a second way to say where.
/// </summary>
/// <param name="Row">The row of the sheet or CSV file (the item of a JSON array), from 1; null for the whole file.</param>
/// <param name="Column">The column letter (<c>D</c>) or JSON field name; null when the whole row is concerned.</param>
/// <param name="Indicator">The indicator code of the row, where the row named one.</param>
public sealed partial record ProblemPlace(int? Row, string? Column, string? Indicator)
{
    /// <summary>Where <paramref name="problem"/> is; all null for a problem of the whole file.</summary>
    public static ProblemPlace Of(Problem problem)
    {
        if (problem.Location is not { } location || Pattern().Match(location) is not { Success: true } match)
        {
            return new ProblemPlace(null, null, null);
        }

        var column = match.Groups["column"].Success ? match.Groups["column"].Value : match.Groups["field"].Success ? match.Groups["field"].Value : null;
        var indicator = match.Groups["indicator"].Success ? match.Groups["indicator"].Value : null;
        return new ProblemPlace(int.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture), column, indicator);
    }

    [GeneratedRegex("""^(?:row|item) (?<row>\d{1,9})(?:, column (?<column>[A-Z]{1,3})(?: \([^)]*\))?|, field "(?<field>[^"]*)")?(?:, (?<indicator>[^,]+))?$""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
