using System.Globalization;
using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads the first visible sheet of an Excel workbook (a hidden one first is passed over), streaming
/// (<see cref="XlsxPackage"/>) and within the <see cref="ReportLimits"/>. Numbers are taken from the cell's
/// stored decimal text, not through a double, and a cell formatted as a percentage (Excel stores 96,5% as
/// 0.965) is read as 96.5%. A cell formatted as a date or time is marked (<see cref="RawRow.DateColumns"/>),
/// and a formula whose value the file does not store is refused rather than read as empty.
/// </summary>
public static class XlsxTableReader
{
    /// <summary>Excel's built-in number formats that show a percentage (0% and 0.00%).</summary>
    private static readonly HashSet<uint> BuiltInPercentFormats = [9, 10];

    /// <summary>Excel's built-in number formats that show a date or time (m/d/yyyy, h:mm and the like).</summary>
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    /// <summary>What an OpenDocument spreadsheet's <c>mimetype</c> part says.</summary>
    private const string OpenDocumentSpreadsheet = "application/vnd.oasis.opendocument.spreadsheet";

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
            if (package.Peek("mimetype", OpenDocumentSpreadsheet.Length)?.Equals(OpenDocumentSpreadsheet, StringComparison.Ordinal) == true)
            {
                problems.Add(Messages.XlsxOpenDocument.At(file, null));
                return null;
            }

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
        var (sheetId, hidden) = workbook is null ? (null, false) : FirstVisibleSheetId(package, workbook);
        if (workbook is null || sheetId is null)
        {
            // LibreOffice's own files have no workbook part but a content.xml; saved under an .xlsx name they
            // reach here, and "no sheet" would send the official looking for a sheet that is plainly there.
            var problem = hidden ? Messages.XlsxAllSheetsHidden : workbook is null && package.Has("content.xml") ? Messages.XlsxOpenDocument : Messages.XlsxNoSheet;
            problems.Add(problem.At(file, null));
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

        var styles = PartOfType(parts, "styles") is { } stylesPart ? ReadStyles(package, stylesPart) : new CellStyles([], []);
        var sharedStrings = PartOfType(parts, "sharedStrings") is { } strings ? SharedStrings(package, strings) : [];
        var grid = ReadGrid(package, sheet.Target, sharedStrings, styles, file, problems);
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
        foreach (var (number, cells, dates) in grid.Skip(1))
        {
            if (cells.Count > header.Count)
            {
                problems.Add(Messages.XlsxOutsideHeader.At(file, ProblemLocation.Cell(number, RawTable.ColumnLetter(cells.Count - 1))));
                continue;
            }

            cells.AddRange(Enumerable.Repeat("", header.Count - cells.Count));
            rows.Add(new RawRow(number, cells) { DateColumns = dates ?? [] });
        }

        return new RawTable(file, header, rows, isSpreadsheet: true);
    }

    private static string? PartOfType(Dictionary<string, XlsxPackage.Relationship> parts, string type) =>
        parts.Values.FirstOrDefault(relation => relation.Type.EndsWith(RelationshipTypes + type, StringComparison.Ordinal))?.Target;

    /// <summary>
    /// The relationship id of the workbook's first sheet not hidden (<c>state="hidden"</c> or
    /// <c>"veryHidden"</c>, where workbooks keep lookup tables and calculations), or null when it lists none,
    /// and whether it lists sheets that are all hidden.
    /// </summary>
    private static (string? Id, bool AllHidden) FirstVisibleSheetId(XlsxPackage package, string workbook)
    {
        var hidden = false;
        using var reader = package.Open(workbook);
        while (reader is not null && reader.Read())
        {
            if (reader.IsElement("sheet"))
            {
                if (reader.Attribute("state") is "hidden" or "veryHidden")
                {
                    hidden = true;
                    continue;
                }

                return (reader.RelationshipId(), false);
            }
        }

        return (null, hidden);
    }

    /// <summary>
    /// Reads the rows of the sheet that hold any text: row number and cells, each row as long as its last
    /// cell with text (at most <see cref="ReportLimits.MaxColumns"/>), empty cells as "", and the columns
    /// whose cell is a date (null when none is).
    /// </summary>
    private static List<(int Row, List<string> Cells, List<int>? Dates)> ReadGrid(XlsxPackage package, string part, string[] sharedStrings, CellStyles styles, string file, List<Problem> problems)
    {
        var grid = new List<(int Row, List<string> Cells, List<int>? Dates)>();
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
            List<int>? dates = null;
            var position = 0;
            while (sheet.Read() && !sheet.IsEnd("row", dataDepth + 1))
            {
                if (sheet.IsElement("c") && sheet.Depth == dataDepth + 2)
                {
                    var (column, cell, isDate) = ReadCell(sheet, rowNumber, position, text, pool, sharedStrings, styles, file, problems);
                    position = Math.Max(column, position) + 1;
                    if (cell.Length > 0)
                    {
                        while (cells.Count <= column)
                        {
                            cells.Add("");
                        }

                        cells[column] = cell;
                        if (isDate)
                        {
                            (dates ??= []).Add(column);
                        }
                    }
                }
            }

            if (cells.Count > 0)
            {
                if (grid.Count > ReportLimits.MaxRows)
                {
                    throw new ReportRefusedException(ProblemLocation.SheetRow(rowNumber), Messages.XlsxTooManyRows, ReportLimits.MaxRows);
                }

                grid.Add((rowNumber, cells, dates));
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
    /// Reads the cell the sheet is on: its column (-1 when its reference names none), its text, trimmed
    /// and normalized, and whether it is a date; a cell with text is within <see cref="ReportLimits.MaxColumns"/>
    /// or refused, and so is a formula whose value the file does not store.
    /// </summary>
    private static (int Column, string Text, bool IsDate) ReadCell(XlsxPart sheet, int row, int position, StringBuilder text, TextPool pool, string[] sharedStrings, CellStyles styles, string file, List<Problem> problems)
    {
        var reference = sheet.Attribute("r");
        var type = sheet.Attribute("t");
        var style = uint.TryParse(sheet.Attribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : (uint?)null;
        var column = reference is null ? position : RawTable.ColumnIndex(reference.AsSpan(0, reference.TakeWhile(char.IsAsciiLetter).Count()));
        string? value = null;
        string? inline = null;
        var isFormula = false;
        if (!sheet.IsEmptyElement)
        {
            var depth = sheet.Depth;
            while (sheet.Read() && !sheet.IsEnd("c", depth))
            {
                isFormula |= sheet.Depth == depth + 1 && sheet.IsElement("f");
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

        // Programs that write workbooks without calculating them (scripts, some exports) leave a formula's
        // value out; read as empty, the indicator would silently go unreported. A formula giving "" is
        // stored as an empty text value (t="str"), and read as empty.
        if (isFormula && (value is null || (value.Length == 0 && type != "str")))
        {
            throw new ReportRefusedException(Location(row, column), Messages.XlsxFormulaNotStored);
        }

        var content = CellText(type, value ?? "", inline ?? "", style, sharedStrings, styles.Percent, pool);
        if (content is null)
        {
            problems.Add(Messages.XlsxMissingSharedString.At(file, Location(row, column), Shorten(value ?? "")));
            return (column, "", false);
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

        var isDate = type == "d" || (type is null or "n" && style is { } dateStyle && styles.Date.Contains(dateStyle));
        return (column, cell, isDate);
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

    /// <summary>The cell styles (indexes into <c>cellXfs</c>) whose number format shows a percentage, and a date or time.</summary>
    private sealed record CellStyles(HashSet<uint> Percent, HashSet<uint> Date);

    /// <summary>Reads which cell styles show a percentage and which a date or time.</summary>
    private static CellStyles ReadStyles(XlsxPackage package, string part)
    {
        var percentFormats = new HashSet<uint>(BuiltInPercentFormats);
        var dateFormats = new HashSet<uint>(BuiltInDateFormats);
        var styles = new CellStyles([], []);
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
                && FormatId(reader) is { } id && reader.Attribute("formatCode") is { } code)
            {
                if (code.Replace("\"%\"", "", StringComparison.Ordinal).Contains('%'))
                {
                    percentFormats.Add(id);
                }

                // A workbook may define a built-in id again; its own code then says what it shows.
                if (IsDateFormat(code))
                {
                    dateFormats.Add(id);
                }
                else
                {
                    dateFormats.Remove(id);
                }
            }
            else if (reader.IsElement("xf") && reader.Depth == cellFormatsDepth + 1)
            {
                if (FormatId(reader) is { } format)
                {
                    if (percentFormats.Contains(format))
                    {
                        styles.Percent.Add(index);
                    }

                    if (dateFormats.Contains(format))
                    {
                        styles.Date.Add(index);
                    }
                }

                index++;
            }
        }

        return styles;
    }

    /// <summary>
    /// Whether a number format code shows a date or time: a d, m, y, h or s outside quoted text
    /// (<c>"ngày "0</c>), brackets (<c>[Red]</c>, <c>[$-42A]</c>) and escaped, padding or fill characters
    /// (<c>\h</c>, <c>_)</c>, <c>*-</c>); an elapsed time in brackets (<c>[h]</c>, <c>[mm]</c>) is one too.
    /// </summary>
    internal static bool IsDateFormat(string code)
    {
        for (var at = 0; at < code.Length; at++)
        {
            switch (code[at])
            {
                case '"':
                    var close = code.IndexOf('"', at + 1);
                    at = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', at + 1);
                    if (end < 0)
                    {
                        return false;
                    }

                    var inside = code.AsSpan(at + 1, end - at - 1);
                    if (inside.Length > 0 && "hHmMsS".Contains(inside[0]) && !inside.ContainsAnyExcept(inside[0]))
                    {
                        return true;
                    }

                    at = end;
                    break;
                case '\\' or '_' or '*':
                    at++;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }

    private static uint? FormatId(XlsxPart reader) =>
        uint.TryParse(reader.Attribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A forged attribute may be megabytes long; messages quote at most 20 characters of it.</summary>
    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
