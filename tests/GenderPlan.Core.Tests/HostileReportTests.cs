using System.Text;
using GenderPlan.Core.Reports;
using Xunit.Abstractions;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Every hostile file seen so far is refused with a problem naming the file, the place and the limit,
/// instead of crashing the process, exhausting its memory or running for minutes.
/// </summary>
public class HostileReportTests(ITestOutputHelper output)
{
    /// <summary>
    /// Reading allocates at most this much, whatever the file (the most is about 36 MB); the old readers
    /// allocated gigabytes for several of these. Allocation is counted, not timed, so the bound holds on a
    /// loaded machine.
    /// </summary>
    private const long AllocationBound = 64L * 1024 * 1024;

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "xlsx: sheet of 100,000 nested unknown elements (4 KB)", HostileFiles.SheetPart + ", line 1", "nests elements deeper than 32 levels" },
        { "xlsx: header cell at ZZZZZZ1 (3 KB)", "row 1", "reference 'ZZZZZZ1' names no column Excel has" },
        { "xlsx: header cell at XFD1, Excel's last column", "row 1, column XFD", "beyond column IV; a report has at most 256 columns" },
        { "xlsx: sheet that unzips to 1.1 GB of rows", HostileFiles.SheetPart, "the part unzips to 1 GB; the parts of a report workbook may unzip to at most 20 MB" },
        { "xlsx: one text node of 1.1 GB", HostileFiles.SheetPart, "the part unzips to 1 GB" },
        { "xlsx: one text node of 1 MB, within the unzipped limit", "row 1, column A", "more than 32767 characters" },
        { "xlsx: sheet whose zip entry claims 1 KB but unzips to 10 MB", HostileFiles.SheetPart, "the part " },
        { "xlsx: 1,000,000 shared strings and a cell past them", "row 1, column A", "shared string 1000000, which the workbook does not have" },
        { "xlsx: 60,000 zip entries", "", "the workbook has no sheet" },
        { "xlsx: 200,000 ordinary rows", "row 10002", "more than 10000 rows" },
        { "xlsx: byte-flipped workbook", "", "the Excel workbook cannot be opened" },
        { "xlsx: sheet with a DTD (billion laughs)", HostileFiles.SheetPart, "not well-formed XML of an Excel workbook (damaged, or forged with a DTD" },
        { "xlsx: sheet with an external entity (XXE)", HostileFiles.SheetPart, "not well-formed XML of an Excel workbook (damaged, or forged with a DTD" },
        { "xlsx: workbook whose XML declaration holds invalid bytes (System.Xml throws ArgumentOutOfRangeException)", "xl/workbook.xml", "not well-formed XML" },
        { "xlsx: sheet that is not XML", HostileFiles.SheetPart + ", line 1", "not well-formed XML" },
        { "xlsx: first sheet with a relationship id the workbook lacks", "xl/workbook.xml", "relationship 'rId9', which the workbook does not have" },
        { "xlsx: cell refers to a shared string the workbook lacks", "row 1, column A", "shared string 5, which the workbook does not have" },
        { "xlsx: row numbered past Excel's last row", HostileFiles.SheetPart, "'99999999999', which is not a row Excel has" },
        { "xlsx: huge number in a percentage cell", "row 2, column D (value)", "is larger than any value can be" },
        { "xlsx: 5,000 rows of 256 numbers (19 MB unzipped, within every limit)", "row 1, column A (1)", "unknown column '1'" },
        { "csv: 79228162514264337593543950335/1", "row 2, column D (value)", "is larger than any value can be" },
        { "csv: huge numerator over a tiny denominator", "row 2, column E (numerator)", "is larger than any value can be" },
        { "csv: huge negative value against its numerator and denominator", "row 2, column E (numerator)", "is larger than any value can be" },
        { "csv: UTF-8 text holding the noncharacter U+FFFE", "", "a character that is not text" },
        { "csv: UTF-16 of three characters, one of them U+FFFE (found by fuzzing)", "", "a character that is not text" },
        { "csv: 200,000 ordinary rows", "row 10002", "more than 10000 rows" },
        { "csv: a row of 300 fields", "row 2", "the row has more than 256 fields; a report has at most 256 columns" },
        { "csv: one line of 5 MB of separators", "row 1", "a report has at most 256 columns" },
        { "csv: 10,000 rows of 256 one-letter fields (within every limit)", "row 1, column A (a)", "unknown column 'a'" },
        { "csv: a cell of 40,000 characters", "row 2, column D", "the cell holds 40000 characters; a cell may hold at most 32767" },
        { "json: one item with 100,000 keys", "item 1, field \"k256\"", "more than 256 different fields" },
        { "json: 300,000 items, each with a key of its own", "item 257, field \"256\"", "more than 256 different fields" },
        { "json: 20,000 items", "item 10001", "more than 10000 items" },
        { "json: 100,000 nested arrays", "line 1, column 33", "nests deeper than 32 levels" },
        { "json: a lone surrogate escaped in a field name", "item 1", "an escaped character that is not text" },
        { "json: U+FFFE escaped in a value", "item 1", "an escaped character that is not text" },
        { "json: a field twice in one item", "item 1, field \"value\"", "the field appears twice" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    [Trait("Category", "Slow")]
    public void Hostile_file_is_refused_with_the_problem_named_within_bounded_memory(string hostile, string location, string words)
    {
        var (file, bytes) = HostileFiles.Get(hostile);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = ReportReader.Read(file, bytes, TestRules.Book);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        output.WriteLine($"{bytes.Length} bytes, {allocated / 1024 / 1024} MB allocated: {string.Join(" | ", result.Problems.Take(2))}");
        Assert.Null(result.Report);
        Assert.Contains(result.Problems, problem =>
            problem.File == file && (problem.Location?.ToString() ?? "").StartsWith(location, StringComparison.Ordinal) && problem.Text.En.Contains(words, StringComparison.Ordinal));
        Assert.InRange(allocated, 0, AllocationBound);
    }

    /// <summary>
    /// Also writes the files out when GENDERPLAN_HOSTILE_DIR names a folder, for the memory and time
    /// measurement through the command line (docs/robustness.md).
    /// </summary>
    [Fact]
    public void Every_hostile_file_is_in_the_table_and_small_enough_to_reach_the_reader()
    {
        Assert.Equal(HostileFiles.All.Keys.Order(), Refusals.Select(row => (string)row[0]).Order());
        var directory = Environment.GetEnvironmentVariable("GENDERPLAN_HOSTILE_DIR");
        foreach (var name in HostileFiles.All.Keys)
        {
            var (file, bytes) = HostileFiles.Get(name);
            Assert.InRange(bytes.Length, 1, ReportReader.MaxBytes);
            if (directory is not null)
            {
                var slug = string.Concat(name.Select(character => char.IsAsciiLetterOrDigit(character) ? character : '-'));
                File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(directory).FullName, slug + Path.GetExtension(file)), bytes);
            }
        }
    }

    [Fact]
    public void External_entity_is_never_resolved_into_a_message()
    {
        var (file, bytes) = HostileFiles.Get("xlsx: sheet with an external entity (XXE)");

        var result = ReportReader.Read(file, bytes, TestRules.Book);

        Assert.DoesNotContain(result.Problems, problem => problem.ToString().Contains("root:", StringComparison.Ordinal));
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Rows_are_numbered_as_lines_whatever_the_line_ends(string lineEnd)
    {
        var csv = string.Join(lineEnd, "period,jurisdiction,indicator,value,note", "2019,dak-to,G3.1,97,\"hai" + lineEnd + "dòng\"", "2019,dak-to,G4.1,abc,", "");

        var problem = Assert.Single(ReportReader.Read("r.csv", Encoding.UTF8.GetBytes(csv), TestRules.Book).Problems);

        Assert.Equal("row 4, column D (value), G4.1", problem.Location?.ToString());
    }

    [Theory]
    [InlineData("r.csv")]
    [InlineData("r.xlsx")]
    public void File_at_the_row_limit_is_still_read(string file)
    {
        var rows = Enumerable.Range(2, ReportLimits.MaxRows).Select(row => row == 2 ? ["2019", "dak-to", "G3.1", "97"] : new[] { "2019", "dak-to", "", "" }).ToList();
        var bytes = file.EndsWith(".csv", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value\n" + string.Join("\n", rows.Select(row => string.Join(',', row))))
            : HostileFiles.Workbook("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + HostileFiles.HeaderRow + string.Concat(rows.Select((row, index) => HostileFiles.Row(index + 2, row))) + "</sheetData></worksheet>");

        var result = ReportReader.Read(file, bytes, TestRules.Book);

        // Every row was read: 9,999 problems found, the first ones listed and the count of the rest given.
        Assert.Equal(ReportLimits.MaxProblems, result.Problems.Count);
        Assert.All(result.Problems.SkipLast(1), problem => Assert.Contains("indicator code is missing", problem.Text.En, StringComparison.Ordinal));
        Assert.Equal("row 3, column C (indicator)", result.Problems[0].Location?.ToString());
        Assert.StartsWith($"... and {ReportLimits.MaxRows - 1 - (ReportLimits.MaxProblems - 1)} more problems", result.Problems[^1].Text.En, StringComparison.Ordinal);
    }
}
