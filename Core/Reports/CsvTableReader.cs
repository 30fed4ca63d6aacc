using System.Text;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads CSV as Excel writes it: quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF,
/// and a comma, semicolon or tab separator (Vietnamese Excel uses ';' because ',' is the decimal mark).
/// </summary>
public static class CsvTableReader
{
    /// <summary>Reads the CSV text of <paramref name="file"/>.</summary>
    public static RawTable? Read(string file, ReadOnlySpan<byte> bytes, List<Problem> problems)
    {
        var (text, error) = TextDecoder.Decode(bytes);
        if (text is null)
        {
            problems.Add(new Problem(file, null, error!));
            return null;
        }

        var separator = DetectSeparator(text);
        var records = Split(text, separator, out var unterminatedAt);
        if (unterminatedAt is { } line)
        {
            problems.Add(new Problem(file, $"row {line}", "a quoted field is never closed (a '\"' is missing)"));
            return null;
        }

        var nonEmpty = records.Where(record => record.Fields.Any(field => field.Trim().Length > 0)).ToList();
        if (nonEmpty.Count == 0)
        {
            problems.Add(new Problem(file, null, "the file is empty; it needs a header row: period, jurisdiction, indicator, value"));
            return null;
        }

        var header = nonEmpty[0].Fields.Select(field => field.Trim()).ToList();
        var rows = new List<RawRow>();
        foreach (var record in nonEmpty.Skip(1))
        {
            if (record.Fields.Count > header.Count && record.Fields.Skip(header.Count).Any(field => field.Trim().Length > 0))
            {
                var hint = separator == ',' ? "; a decimal comma must be inside quotes (\"96,5\") or the file must use ';' between fields" : "";
                problems.Add(new Problem(file, $"row {record.Line}", $"the row has {record.Fields.Count} fields but the header has {header.Count}{hint}"));
                continue;
            }

            var cells = Enumerable.Range(0, header.Count).Select(index => index < record.Fields.Count ? record.Fields[index] : "").ToList();
            rows.Add(new RawRow(record.Line, cells));
        }

        return new RawTable(file, header, rows, isSpreadsheet: true);
    }

    private static char DetectSeparator(string text)
    {
        var firstLine = text[..(text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length)];
        var best = new[] { ',', ';', '\t' }.Select(candidate => (candidate, count: Count(firstLine, candidate))).MaxBy(pair => pair.count);
        return best.count > 0 ? best.candidate : ',';
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

    private static List<(int Line, List<string> Fields)> Split(string text, char separator, out int? unterminatedAt)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        unterminatedAt = null;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (quoted)
            {
                if (character == '"')
                {
                    if (index + 1 < text.Length && text[index + 1] == '"')
                    {
                        field.Append('"');
                        index++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (character == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
                {
                    // A line break inside a quoted note is kept as one '\n', whatever the file's line ends.
                }
                else
                {
                    if (character == '\n')
                    {
                        line++;
                    }

                    field.Append(character);
                }

                continue;
            }

            switch (character)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (character == separator)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(character);
                    }

                    break;
            }
        }

        if (quoted)
        {
            unterminatedAt = recordLine;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
