using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads the first sheet of an Excel workbook. Numbers are taken from the cell's stored decimal text, not
/// through a double, and a cell formatted as a percentage (Excel stores 96,5% as 0.965) is read as 96.5%.
/// </summary>
public static class XlsxTableReader
{
    /// <summary>Excel's built-in number formats that show a percentage (0% and 0.00%).</summary>
    private static readonly HashSet<uint> BuiltInPercentFormats = [9, 10];

    /// <summary>Reads the first sheet of <paramref name="file"/>.</summary>
    public static RawTable? Read(string file, byte[] bytes, List<Problem> problems)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            problems.Add(new Problem(file, null, "the file is not an Excel workbook (.xlsx) although its name says so"));
            return null;
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
            return ReadFirstSheet(file, document, problems);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            problems.Add(new Problem(file, null, $"the Excel workbook cannot be opened ({exception.Message}); save it again as .xlsx"));
            return null;
        }
    }

    private static RawTable? ReadFirstSheet(string file, SpreadsheetDocument document, List<Problem> problems)
    {
        var workbook = document.WorkbookPart;
        var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || sheet?.Id?.Value is not { } sheetId || workbook.GetPartById(sheetId) is not WorksheetPart worksheet)
        {
            problems.Add(new Problem(file, null, "the workbook has no sheet"));
            return null;
        }

        var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
        var percentStyles = PercentStyles(workbook.WorkbookStylesPart?.Stylesheet);
        var grid = new List<(int Row, Dictionary<int, string> Cells)>();
        foreach (var row in worksheet.Worksheet.Descendants<Row>())
        {
            var cells = new Dictionary<int, string>();
            var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(grid.Count + 1));
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? RawTable.ColumnIndex(new string(reference.TakeWhile(char.IsLetter).ToArray())) : position;
                position = column + 1;
                var text = CellText(cell, sharedStrings, percentStyles).Trim().Normalize();
                if (text.Length > 0 && column >= 0)
                {
                    cells[column] = text;
                }
            }

            if (cells.Count > 0)
            {
                grid.Add((rowNumber, cells));
            }
        }

        if (grid.Count == 0)
        {
            problems.Add(new Problem(file, null, "the first sheet is empty; it needs a header row: period, jurisdiction, indicator, value"));
            return null;
        }

        var width = grid[0].Cells.Keys.Max() + 1;
        var header = Enumerable.Range(0, width).Select(column => grid[0].Cells.GetValueOrDefault(column, "")).ToList();
        var rows = new List<RawRow>();
        foreach (var (number, cells) in grid.Skip(1))
        {
            if (cells.Keys.Max() >= width)
            {
                problems.Add(new Problem(file, $"row {number}, column {RawTable.ColumnLetter(cells.Keys.Max())}", "the cell is outside the header's columns; give the column a header or clear it"));
                continue;
            }

            rows.Add(new RawRow(number, Enumerable.Range(0, width).Select(column => cells.GetValueOrDefault(column, "")).ToList()));
        }

        return new RawTable(file, header, rows, isSpreadsheet: true);
    }

    private static string CellText(Cell cell, string[] sharedStrings, HashSet<uint> percentStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Length ? sharedStrings[index] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.Error || type == CellValues.String)
        {
            return raw;
        }

        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        // Excel keeps doubles to 17 digits (96.5% may be stored as 0.96499999999999997); nine decimals is far
        // beyond what any indicator is reported to and removes that noise.
        var isPercent = cell.StyleIndex?.Value is { } style && percentStyles.Contains(style);
        var value = Math.Round(isPercent ? number * 100m : number, 9);
        return value.ToString(CultureInfo.InvariantCulture) + (isPercent ? "%" : "");
    }

    private static HashSet<uint> PercentStyles(Stylesheet? stylesheet)
    {
        var styles = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return styles;
        }

        var percentFormats = new HashSet<uint>(BuiltInPercentFormats);
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code && code.Replace("\"%\"", "", StringComparison.Ordinal).Contains('%'))
            {
                percentFormats.Add(id);
            }
        }

        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            if (format.NumberFormatId?.Value is { } id && percentFormats.Contains(id))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }
}
