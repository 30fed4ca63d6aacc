using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Reports;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// One worksheet of the report being written: cells by row and column, merged ranges, column widths, the frozen
/// header and the print setup (A4 landscape, fitted to the page's width, header rows repeated on every page).
/// Worksheet children must come in the schema's order; this class writes them so.
/// </summary>
internal sealed class XlsxSheet
{
    private readonly SortedDictionary<uint, Row> _rows = [];
    private readonly List<string> _merges = [];
    private readonly double[] _widths;

    public XlsxSheet(string name, params double[] widths)
    {
        Name = name;
        _widths = widths;
    }

    /// <summary>The tab's name.</summary>
    public string Name { get; }

    /// <summary>The header rows, 1-based: frozen on screen and repeated on every printed page.</summary>
    public (uint First, uint Last) HeaderRows { get; set; }

    /// <summary>Columns kept in view when scrolling right, and printed on every page (0: none).</summary>
    public uint FrozenColumns { get; set; }

    /// <summary>How many pages wide the sheet prints: one for a table that fits, more for a wide one that would shrink unreadably.</summary>
    public uint PagesWide { get; set; } = 1;

    /// <summary>A text cell; a wrapped one makes its row tall enough, for its column or the <paramref name="width"/> it is merged across.</summary>
    public void Text(uint row, int column, string text, XlsxStyle style, double? width = null)
    {
        Add(row, new Cell
        {
            CellReference = Reference(row, column),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Safe(text)) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = (uint)style,
        });
        if (style is XlsxStyle.Header or XlsxStyle.Text or XlsxStyle.Centered && column < _widths.Length)
        {
            Fit(row, text, width ?? _widths[column]);
        }
    }

    /// <summary>
    /// Makes the row tall enough for <paramref name="text"/> wrapped in <paramref name="width"/> characters. Neither
    /// Excel nor LibreOffice grows a row for wrapped text on opening a generated file, and a printed table with cut
    /// sentences is useless; the estimate errs on the tall side.
    /// </summary>
    public void Fit(uint row, string text, double width)
    {
        var perLine = Math.Max(1, (int)(width * 1.2) - 1);
        var lines = text.Split('\n').Sum(line => Math.Max(1, (line.Length + perLine - 1) / perLine));
        // Excel refuses a row taller than 409 points; a unit's long action is cut there on screen, not lost.
        var needed = Math.Min((lines * LineHeight) + 3, MaxRowHeight);
        var target = RowAt(row);
        if (target.Height is null || target.Height.Value < needed)
        {
            target.Height = needed;
            target.CustomHeight = true;
        }
    }

    /// <summary>The width of columns <paramref name="first"/> to <paramref name="last"/>, for text merged across them.</summary>
    public double Width(int first, int last) => _widths.Skip(first).Take(last - first + 1).Sum();

    private const double LineHeight = 15.75;

    private const double MaxRowHeight = 409;

    public void Number(uint row, int column, double value, XlsxStyle style) => Add(row, new Cell
    {
        CellReference = Reference(row, column),
        CellValue = new CellValue(value),
        DataType = CellValues.Number,
        StyleIndex = (uint)style,
    });

    /// <summary>An empty cell that still carries its style, so borders close around blank cells.</summary>
    public void Blank(uint row, int column, XlsxStyle style) => Add(row, new Cell { CellReference = Reference(row, column), StyleIndex = (uint)style });

    /// <summary>Merges columns <paramref name="first"/> to <paramref name="last"/> of rows <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public void Merge(uint top, int first, uint bottom, int last) => _merges.Add($"{Reference(top, first)}:{Reference(bottom, last)}");

    /// <summary>Sets a row's height in points, for titles that wrap; a row already taller keeps its height.</summary>
    public void Height(uint row, double points)
    {
        var target = RowAt(row);
        if (target.Height is null || target.Height.Value < points)
        {
            target.Height = points;
            target.CustomHeight = true;
        }
    }

    public void WriteTo(WorkbookPart workbook, Sheets sheets, DefinedNames names, string header, string footer)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var index = (uint)sheets.ChildElements.Count;
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(View(index == 0)),
            new SheetFormatProperties { DefaultRowHeight = 15.75 },
            new Columns(_widths.Select((width, column) => new Column { Min = (uint)column + 1, Max = (uint)column + 1, Width = width, CustomWidth = true })),
            new SheetData(_rows.Values));
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(range => new MergeCell { Reference = range })) { Count = (uint)_merges.Count });
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = PagesWide, FitToHeight = 0 },
            header.Length > 0 ? new HeaderFooter(new OddHeader(header), new OddFooter(footer)) : new HeaderFooter(new OddFooter(footer)));
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = index + 1, Name = Name });

        // Print titles: the header rows (and the frozen columns) on every printed page.
        var quoted = "'" + Name.Replace("'", "''", StringComparison.Ordinal) + "'";
        var titles = $"{quoted}!${HeaderRows.First}:${HeaderRows.Last}";
        if (FrozenColumns > 0)
        {
            titles = $"{quoted}!$A:${RawTable.ColumnLetter((int)FrozenColumns - 1)},{titles}";
        }

        names.Append(new DefinedName(titles) { Name = "_xlnm.Print_Titles", LocalSheetId = index });
    }

    private SheetView View(bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        var topLeft = Reference(HeaderRows.Last + 1, (int)FrozenColumns);
        var pane = new Pane { TopLeftCell = topLeft, State = PaneStateValues.Frozen, ActivePane = FrozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft };
        if (HeaderRows.Last > 0)
        {
            pane.VerticalSplit = HeaderRows.Last;
        }

        if (FrozenColumns > 0)
        {
            pane.HorizontalSplit = FrozenColumns;
        }

        view.Append(pane, new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        return view;
    }

    private void Add(uint row, Cell cell) => RowAt(row).Append(cell);

    private Row RowAt(uint row)
    {
        if (!_rows.TryGetValue(row, out var found))
        {
            found = new Row { RowIndex = row };
            _rows[row] = found;
        }

        return found;
    }

    private static string Reference(uint row, int column) => RawTable.ColumnLetter(column) + row;

    // Names come from rules anyone with upload rights wrote: an XML-invalid character would make the file unreadable.
    private static string Safe(string text) => string.Concat(text.Where(character => character is '\t' or '\n' or '\r' || !char.IsControl(character)));
}
