using System.Buffers;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;
using nietras.SeparatedValues;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads CSV as Excel writes it, with Sep: quoted fields with doubled quotes, line breaks inside quotes,
/// CRLF, LF or a lone CR (old "CSV (Macintosh)" exports), and a comma, semicolon or tab separator
/// (Vietnamese Excel uses ';' because ',' is the decimal mark), or the one a first line <c>sep=;</c> names
/// (written by some exports for Excel, and skipped). What the product adds: encodings are
/// refused rather than guessed (<see cref="TextDecoder"/>), every problem names its row and column, and
/// the <see cref="ReportLimits"/> are enforced row by row, before a row is kept.
/// </summary>
public static class CsvTableReader
{
    private static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>Reads the CSV text of <paramref name="file"/>.</summary>
    public static RawTable? Read(string file, ReadOnlySpan<byte> bytes, List<Problem> problems)
    {
        var (text, error) = TextDecoder.Decode(bytes);
        if (text is null)
        {
            problems.Add(error!.At(file, null));
            return null;
        }

        var hasSeparatorLine = SeparatorLine(text, out var named, out var firstLine);
        if (hasSeparatorLine && named is null)
        {
            problems.Add(Messages.CsvSeparatorLineUnknown.At(file, ProblemLocation.SheetRow(1), firstLine));
            return null;
        }

        var separator = named ?? DetectSeparator(text);
        if (FirstTooWideRow(text, separator) is > 0 and var wide)
        {
            problems.Add(Messages.CsvRowTooWide.At(file, ProblemLocation.SheetRow(wide), ReportLimits.MaxColumns));
            return null;
        }

        var options = Sep.Reader(reader => reader with
        {
            Sep = new Sep(separator),
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.Outer,

            // Reports repeat the same period, place and empty cells on every row: one string for each.
            CreateToString = SepToString.PoolPerCol(),
        });

        using var reader = options.FromText(text);
        List<string>? header = null;
        var rows = new List<RawRow>();
        var line = 1;
        foreach (var record in reader)
        {
            // Sep 0.17.1 misreports the first row's LineNumberFrom without a header row, so a row starts
            // where the previous one ended.
            var number = line;
            line = record.LineNumberToExcl;
            if (hasSeparatorLine && number == 1)
            {
                continue;
            }

            if (record.Span.Count('"') % 2 != 0)
            {
                // Sep pairs quotes, so a row can end inside quotes only at the end of the file.
                problems.Add(Messages.CsvUnclosedQuote.At(file, ProblemLocation.SheetRow(number)));
                return null;
            }

            if (record.ColCount > ReportLimits.MaxColumns)
            {
                // FirstTooWideRow pairs quotes as Sep does, so this is only a second line of defence.
                problems.Add(Messages.CsvRowTooWide.At(file, ProblemLocation.SheetRow(number), ReportLimits.MaxColumns));
                return null;
            }

            var fields = new string[record.ColCount];
            var blank = true;
            for (var column = 0; column < fields.Length; column++)
            {
                var cell = record[column].Span;
                if (cell.Length > ReportLimits.MaxCellLength)
                {
                    problems.Add(Messages.CsvCellTooLong.At(file, ProblemLocation.Cell(number, RawTable.ColumnLetter(column)), cell.Length, ReportLimits.MaxCellLength));
                    return null;
                }

                fields[column] = cell.Contains('\r') ? OneLineBreak(cell) : record[column].ToString();
                blank &= cell.IsWhiteSpace();
            }

            if (blank)
            {
                continue;
            }

            if (header is null)
            {
                header = fields.Select(field => field.Trim()).ToList();
                continue;
            }

            if (rows.Count == ReportLimits.MaxRows)
            {
                problems.Add(Messages.CsvTooManyRows.At(file, ProblemLocation.SheetRow(number), ReportLimits.MaxRows));
                return null;
            }

            if (fields.Length > header.Count && fields.Skip(header.Count).Any(field => field.Trim().Length > 0))
            {
                var longer = separator == ',' ? Messages.CsvRowLongerThanHeaderComma : Messages.CsvRowLongerThanHeader;
                problems.Add(longer.At(file, ProblemLocation.SheetRow(number), fields.Length, header.Count));
                continue;
            }

            var cells = fields.Length == header.Count ? fields : [.. fields.Take(header.Count), .. Enumerable.Repeat("", header.Count - Math.Min(fields.Length, header.Count))];
            rows.Add(new RawRow(number, cells));
        }

        if (header is null)
        {
            problems.Add(Messages.CsvEmpty.At(file, null));
            return null;
        }

        return new RawTable(file, header, rows, isSpreadsheet: true);
    }

    /// <summary>
    /// Whether the file starts with the line some exports write to tell Excel the separator (<c>sep=;</c>),
    /// the separator it names when that is one this reader uses (null otherwise), and the line, shortened
    /// to 20 characters for a message. The line is no row of the report.
    /// </summary>
    private static bool SeparatorLine(string text, out char? separator, out string line)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var first = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        separator = first.Length == 5 && Separators.Contains(first[^1]) ? first[^1] : null;
        line = first.Length <= 20 ? first.ToString() : string.Concat(first[..20], "…");
        return first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The separator most used outside quotes on the first non-blank line, or ','. Kept hand-made: Sep's
    /// detection reads the very first line even when it is blank and falls back to ';'.
    /// </summary>
    private static char DetectSeparator(string text)
    {
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var (best, most) = (',', 0);
            foreach (var candidate in Separators)
            {
                if (Count(line, candidate) is var count && count > most)
                {
                    (best, most) = (candidate, count);
                }
            }

            return best;
        }

        return ',';
    }

    /// <summary>
    /// The first line of the first row with more than <see cref="ReportLimits.MaxColumns"/> fields, or 0.
    /// Kept hand-made because Sep builds every column of a row before they can be counted (a 5 MB line of
    /// commas costs it 230 MB); this counts separators outside quotes, pairing quotes as Sep does.
    /// </summary>
    private static int FirstTooWideRow(string text, char separator)
    {
        var stops = SearchValues.Create([separator, '"', '\r', '\n']);
        var (line, rowLine, fields, quoted) = (1, 1, 1, false);
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(stops); at >= 0; at = rest.IndexOfAny(stops))
        {
            var stop = rest[at];
            rest = rest[(at + 1)..];
            if (stop == '"')
            {
                quoted = !quoted;
            }
            else if (stop is '\r' or '\n')
            {
                rest = stop == '\r' && rest.StartsWith('\n') ? rest[1..] : rest;
                line++;
                (rowLine, fields) = quoted ? (rowLine, fields) : (line, 1);
            }
            else if (!quoted && ++fields > ReportLimits.MaxColumns)
            {
                return rowLine;
            }
        }

        return 0;
    }

    private static int Count(ReadOnlySpan<char> line, char candidate)
    {
        var count = 0;
        var quoted = false;
        foreach (var character in line)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (character == candidate && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A line break inside a quoted note is kept as one '\n', whatever the file's line ends.</summary>
    private static string OneLineBreak(ReadOnlySpan<char> cell) =>
        cell.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
