using System.Text;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>
/// A blank report for a plan: one row per indicator with its code and Vietnamese name, ready for a unit to
/// fill in the values. It uses the same columns the reader expects, so a filled template always reads back.
/// </summary>
public static class ReportTemplate
{
    /// <summary>
    /// The template's rows, header first: for a commune, only the indicators a commune reports, so a filled template
    /// is never refused for a district-only row; for the district or no place, every district-level indicator.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(Plan plan, Period? period, string? jurisdiction)
    {
        var rows = new List<IReadOnlyList<string>> { ReportColumns.All };
        foreach (var indicator in jurisdiction is null ? plan.IndicatorsAt(UnitLevel.District) : plan.IndicatorsFor(jurisdiction))
        {
            rows.Add(ReportColumns.All.Select(column => column switch
            {
                ReportColumns.Period => period?.ToString() ?? "",
                ReportColumns.Jurisdiction => jurisdiction ?? "",
                ReportColumns.Indicator => indicator.Code,
                ReportColumns.Name => indicator.Name.Vi,
                _ => "",
            }).ToList());
        }

        return rows;
    }

    /// <summary>
    /// Writes the rows as CSV UTF-8 with a byte order mark, which Excel opens with diacritics intact. A field
    /// that Excel would take for a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return: an indicator name comes from rules anyone with upload rights wrote) gets a leading
    /// apostrophe, which Excel shows as text.
    /// </summary>
    public static void WriteCsv(IReadOnlyList<IReadOnlyList<string>> rows, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static string Quote(string field)
    {
        var text = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
        return text.IndexOfAny([',', '"', '\r', '\n', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
