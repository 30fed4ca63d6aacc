using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>One data row of a report file, as text, with the row number the user sees.</summary>
/// <param name="Number">The row number in the file (spreadsheet row, CSV line, or JSON item).</param>
/// <param name="Cells">The cells, aligned with <see cref="RawTable.Columns"/>; missing cells are empty.</param>
public sealed record RawRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// The columns whose cell is a workbook number shown as a date or time (its text is the number Excel
    /// stores, 43831 for 1 January 2020): fine where text is expected (a period 2019 in a date-formatted
    /// cell), refused where a number is.
    /// </summary>
    public IReadOnlyList<int> DateColumns { get; init; } = [];
}

/// <summary>
/// A report file reduced to a header and rows of text, whatever its format, so that one parser checks
/// CSV, Excel and JSON alike and every problem can be located the way the user sees the file.
/// </summary>
public sealed class RawTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="file">The file name, for messages.</param>
    /// <param name="columns">The header names as written.</param>
    /// <param name="rows">The data rows.</param>
    /// <param name="isSpreadsheet">True for CSV and Excel (rows and lettered columns), false for JSON (items and fields).</param>
    public RawTable(string file, IReadOnlyList<string> columns, IReadOnlyList<RawRow> rows, bool isSpreadsheet)
    {
        File = file;
        Columns = columns;
        Rows = rows;
        IsSpreadsheet = isSpreadsheet;
    }

    /// <summary>The file name.</summary>
    public string File { get; }

    /// <summary>The header names as written.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<RawRow> Rows { get; }

    /// <summary>Whether locations read "row 4, column C" (CSV, Excel) or "item 4, field ..." (JSON).</summary>
    public bool IsSpreadsheet { get; }

    /// <summary>Where a cell is, in the user's terms: <c>row 4, column C (value)</c>.</summary>
    public ProblemLocation Locate(int row, int column) =>
        IsSpreadsheet ? ProblemLocation.Cell(row, ColumnLetter(column), Columns[column]) : ProblemLocation.Item(row, Columns[column]);

    /// <summary>Where a row is.</summary>
    public ProblemLocation LocateRow(int row) => IsSpreadsheet ? ProblemLocation.SheetRow(row) : ProblemLocation.Item(row);

    /// <summary>Where a column's header is.</summary>
    public ProblemLocation LocateColumn(int column) =>
        IsSpreadsheet ? ProblemLocation.Cell(1, ColumnLetter(column), Columns[column]) : ProblemLocation.Field(Columns[column]);

    /// <summary>Spreadsheet column letters: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var remaining = index + 1; remaining > 0; remaining = (remaining - 1) / 26)
        {
            letters = (char)('A' + ((remaining - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>
    /// The column index of spreadsheet letters (A is 0, XFD, Excel's last column, is 16,383), or -1 when
    /// they are not capital letters or name a column past XFD.
    /// </summary>
    public static int ColumnIndex(string letters) => ColumnIndex(letters.AsSpan());

    /// <inheritdoc cref="ColumnIndex(string)"/>
    public static int ColumnIndex(ReadOnlySpan<char> letters)
    {
        // Three letters reach past XFD; more would overflow the arithmetic.
        if (letters.Length is 0 or > 3)
        {
            return -1;
        }

        var index = 0;
        foreach (var letter in letters)
        {
            if (letter is < 'A' or > 'Z')
            {
                return -1;
            }

            index = (index * 26) + (letter - 'A' + 1);
        }

        return index <= LastExcelColumn + 1 ? index - 1 : -1;
    }

    /// <summary>Excel's last column, XFD, as an index.</summary>
    private const int LastExcelColumn = 16_383;
}
