using System.Globalization;
using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads the first sheet of an Excel workbook, streaming (<see cref="XlsxPackage"/>) and within the
/// <see cref="ReportLimits"/>. Numbers are taken from the cell's stored decimal text, not through a
/// double, and a cell formatted as a percentage (Excel stores 96,5% as 0.965) is read as 96.5%.
/// </summary>
public static class XlsxTableReader
{
    /// <summary>Excel's built-in number formats that show a percentage (0% and 0.00%).</summary>
    private static readonly HashSet<uint> BuiltInPercentFormats = [9, 10];

    private const string RelationshipTypes = "/relationships/";

    /// <summary>Reads the first sheet of <paramref name="file"/>.</summary>
    public static RawTable? Read(string file, byte[] bytes, List<Problem> problems)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            problems.Add(Messages.XlsxNotAWorkbook.At(file, null));
            return null;
        }

        try
        {
            using var package = new XlsxPackage(bytes);
            return ReadFirstSheet(file, package, problems);
        }
        catch (ReportRefusedException refused)
        {
            problems.Add(refused.ProblemOf(file));
            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException)
        {
            problems.Add(Messages.XlsxCannotOpen.At(file, null, exception.Message));
            return null;
        }
    }

    private static RawTable? ReadFirstSheet(string file, XlsxPackage package, List<Problem> problems)
    {
        var workbook = package.Relationships("").Values.FirstOrDefault(relation => relation.Type.EndsWith(RelationshipTypes + "officeDocument", StringComparison.Ordinal))?.Target;
        var sheetId = workbook is null ? null : FirstSheetId(package, workbook);
        if (workbook is null || sheetId is null)
        {
            problems.Add(Messages.XlsxNoSheet.At(file, null));
            return null;
        }

        var parts = package.Relationships(workbook);
        if (!parts.TryGetValue(sheetId, out var sheet))
        {
            problems.Add(Messages.XlsxMissingRelationship.At(file, ProblemLocation.At(workbook), Shorten(sheetId)));
            return null;
        }

        if (!sheet.Type.EndsWith(RelationshipTypes + "worksheet", StringComparison.Ordinal) || !package.Has(sheet.Target))
        {
            problems.Add(Messages.XlsxNotAWorksheet.At(file, ProblemLocation.At(workbook)));
            return null;
        }

        var percentStyles = PartOfType(parts, "styles") is { } styles ? PercentStyles(package, styles) : [];
        var sharedStrings = PartOfType(parts, "sharedStrings") is { } strings ? SharedStrings(package, strings) : [];
        var grid = ReadGrid(package, sheet.Target, sharedStrings, percentStyles, file, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        if (grid.Count == 0)
        {
            problems.Add(Messages.XlsxEmpty.At(file, null));
            return null;
        }

        var header = grid[0].Cells;
        var rows = new List<RawRow>();
        foreach (var (number, cells) in grid.Skip(1))
        {
            if (cells.Count > header.Count)
            {
                problems.Add(Messages.XlsxOutsideHeader.At(file, ProblemLocation.Cell(number, RawTable.ColumnLetter(cells.Count - 1))));
                continue;
            }

            cells.AddRange(Enumerable.Repeat("", header.Count - cells.Count));
            rows.Add(new RawRow(number, cells));
        }

        return new RawTable(file, header, rows, isSpreadsheet: true);
    }

    private static string? PartOfType(Dictionary<string, XlsxPackage.Relationship> parts, string type) =>
        parts.Values.FirstOrDefault(relation => relation.Type.EndsWith(RelationshipTypes + type, StringComparison.Ordinal))?.Target;

    /// <summary>The relationship id of the workbook's first sheet, or null when it lists none.</summary>
    private static string? FirstSheetId(XlsxPackage package, string workbook)
    {
        using var reader = package.Open(workbook);
        while (reader is not null && reader.Read())
        {
            if (reader.IsElement("sheet"))
            {
                return reader.RelationshipId();
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the rows of the sheet that hold any text: row number and cells, each row as long as its last
    /// cell with text (at most <see cref="ReportLimits.MaxColumns"/>), empty cells as "".
    /// </summary>
    private static List<(int Row, List<string> Cells)> ReadGrid(XlsxPackage package, string part, string[] sharedStrings, HashSet<uint> percentStyles, string file, List<Problem> problems)
    {
        var grid = new List<(int Row, List<string> Cells)>();
        using var sheet = package.Open(part)!;
        var dataDepth = -1;
        var rowNumber = 0;
        var text = new StringBuilder();
        var pool = new TextPool();
        while (sheet.Read())
        {
            if (dataDepth < 0)
            {
                dataDepth = sheet.IsElement("sheetData") && !sheet.IsEmptyElement ? sheet.Depth : -1;
                continue;
            }

            if (sheet.IsEnd("sheetData", dataDepth))
            {
                break;
            }

            if (!sheet.IsElement("row") || sheet.Depth != dataDepth + 1)
            {
                continue;
            }

            rowNumber = RowNumber(sheet, rowNumber);
            if (sheet.IsEmptyElement)
            {
                continue;
            }

            var cells = new List<string>();
            var position = 0;
            while (sheet.Read() && !sheet.IsEnd("row", dataDepth + 1))
            {
                if (sheet.IsElement("c") && sheet.Depth == dataDepth + 2)
                {
                    var (column, cell) = ReadCell(sheet, rowNumber, position, text, pool, sharedStrings, percentStyles, file, problems);
                    position = Math.Max(column, position) + 1;
                    if (cell.Length > 0)
                    {
                        while (cells.Count <= column)
                        {
                            cells.Add("");
                        }

                        cells[column] = cell;
                    }
                }
            }

            if (cells.Count > 0)
            {
                if (grid.Count > ReportLimits.MaxRows)
                {
                    throw new ReportRefusedException(ProblemLocation.SheetRow(rowNumber), Messages.XlsxTooManyRows, ReportLimits.MaxRows);
                }

                grid.Add((rowNumber, cells));
            }
        }

        return grid;
    }

    private static int RowNumber(XlsxPart sheet, int previous)
    {
        var written = sheet.Attribute("r");
        if (written is null)
        {
            return previous < ReportLimits.MaxSheetRow ? previous + 1 : throw new ReportRefusedException(ProblemLocation.At(sheet.Name), Messages.XlsxPastLastRow, ReportLimits.MaxSheetRow);
        }

        return int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= ReportLimits.MaxSheetRow
            ? number
            : throw new ReportRefusedException(ProblemLocation.At(sheet.Name), Messages.XlsxBadRowNumber, Shorten(written), ReportLimits.MaxSheetRow);
    }

    /// <summary>
    /// Reads the cell the sheet is on: its column (-1 when its reference names none) and its text, trimmed
    /// and normalized; a cell with text is within <see cref="ReportLimits.MaxColumns"/> or refused.
    /// </summary>
    private static (int Column, string Text) ReadCell(XlsxPart sheet, int row, int position, StringBuilder text, TextPool pool, string[] sharedStrings, HashSet<uint> percentStyles, string file, List<Problem> problems)
    {
        var reference = sheet.Attribute("r");
        var type = sheet.Attribute("t");
        var style = uint.TryParse(sheet.Attribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : (uint?)null;
        var column = reference is null ? position : RawTable.ColumnIndex(reference.AsSpan(0, reference.TakeWhile(char.IsAsciiLetter).Count()));
        string? value = null;
        string? inline = null;
        if (!sheet.IsEmptyElement)
        {
            var depth = sheet.Depth;
            while (sheet.Read() && !sheet.IsEnd("c", depth))
            {
                if (sheet.Depth == depth + 1 && (sheet.IsElement("v") || sheet.IsElement("is")))
                {
                    var isValue = sheet.IsElement("v");
                    text.Clear();
                    if (!sheet.ReadText(text))
                    {
                        throw XlsxPart.TooLong(Location(row, column));
                    }

                    (isValue ? ref value : ref inline) = pool.Get(text);
                }
            }
        }

        var content = CellText(type, value ?? "", inline ?? "", style, sharedStrings, percentStyles, pool);
        if (content is null)
        {
            problems.Add(Messages.XlsxMissingSharedString.At(file, Location(row, column), Shorten(value ?? "")));
            return (column, "");
        }

        var cell = TextDecoder.Normalized(content.Trim()) ?? "";
        if (cell.Length > 0 && column < 0)
        {
            throw new ReportRefusedException(Location(row, column), Messages.XlsxBadCellReference, Shorten(reference!));
        }

        if (cell.Length > 0 && column >= ReportLimits.MaxColumns)
        {
            throw new ReportRefusedException(Location(row, column), Messages.XlsxBeyondColumns, RawTable.ColumnLetter(ReportLimits.MaxColumns - 1), ReportLimits.MaxColumns);
        }

        return (column, cell);
    }

    /// <summary>Where a cell is; built only for a problem, as most cells have none.</summary>
    private static ProblemLocation Location(int row, int column) => column >= 0 ? ProblemLocation.Cell(row, RawTable.ColumnLetter(column)) : ProblemLocation.SheetRow(row);

    /// <summary>The text a cell shows, or null when it refers to a shared string the workbook lacks.</summary>
    private static string? CellText(string? type, string raw, string inline, uint? style, string[] sharedStrings, HashSet<uint> percentStyles, TextPool pool)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Length ? sharedStrings[index] : null;
            case "inlineStr":
                return inline;
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "e" or "str" or "d":
                return raw;
        }

        // Anything past MaxValue stays text, for ValueReader to refuse, rather than overflow as a percentage.
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > ReportLimits.MaxValue)
        {
            return raw;
        }

        // Excel keeps doubles to 17 digits (96.5% may be stored as 0.96499999999999997); nine decimals is far
        // beyond what any indicator is reported to and removes that noise.
        var isPercent = style is { } styleIndex && percentStyles.Contains(styleIndex);
        Span<char> digits = stackalloc char[40];
        Math.Round(isPercent ? number * 100m : number, 9).TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        if (isPercent)
        {
            digits[length++] = '%';
        }

        return digits[..length].SequenceEqual(raw) ? raw : pool.Get(digits[..length]);
    }

    /// <summary>Every shared string, in order; each within <see cref="ReportLimits.MaxCellLength"/>.</summary>
    private static string[] SharedStrings(XlsxPackage package, string part)
    {
        var strings = new List<string>();
        var text = new StringBuilder();
        var pool = new TextPool();
        using var reader = package.Open(part);
        while (reader is not null && reader.Read())
        {
            if (reader.IsElement("si"))
            {
                text.Clear();
                if (!reader.ReadText(text))
                {
                    throw XlsxPart.TooLong(ProblemLocation.At($"{part}, shared string {strings.Count}"));
                }

                strings.Add(pool.Get(text));
            }
        }

        return [.. strings];
    }

    /// <summary>The cell styles (indexes into <c>cellXfs</c>) whose number format shows a percentage.</summary>
    private static HashSet<uint> PercentStyles(XlsxPackage package, string part)
    {
        var percentFormats = new HashSet<uint>(BuiltInPercentFormats);
        var styles = new HashSet<uint>();
        var formatsDepth = -1;
        var cellFormatsDepth = -1;
        uint index = 0;
        using var reader = package.Open(part);
        while (reader is not null && reader.Read())
        {
            if (reader.IsElement("numFmts") && formatsDepth < 0)
            {
                formatsDepth = reader.Depth;
            }
            else if (reader.IsElement("cellXfs") && cellFormatsDepth < 0)
            {
                cellFormatsDepth = reader.Depth;
            }
            else if (reader.IsElement("numFmt") && reader.Depth == formatsDepth + 1
                && FormatId(reader) is { } id && reader.Attribute("formatCode") is { } code
                && code.Replace("\"%\"", "", StringComparison.Ordinal).Contains('%'))
            {
                percentFormats.Add(id);
            }
            else if (reader.IsElement("xf") && reader.Depth == cellFormatsDepth + 1)
            {
                if (FormatId(reader) is { } format && percentFormats.Contains(format))
                {
                    styles.Add(index);
                }

                index++;
            }
        }

        return styles;
    }

    private static uint? FormatId(XlsxPart reader) =>
        uint.TryParse(reader.Attribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A forged attribute may be megabytes long; messages quote at most 20 characters of it.</summary>
    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
