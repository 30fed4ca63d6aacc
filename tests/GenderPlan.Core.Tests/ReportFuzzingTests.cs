using System.Text;
using System.Text.Json;
using CsCheck;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using Xunit.Abstractions;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Fuzzing with CsCheck: valid reports of every format are mutated (bytes flipped, inserted, deleted,
/// duplicated, truncated; tokens of the format spliced in; for workbooks, the XML inside a zip entry
/// mutated and re-zipped, so the XML parser is reached, and entries dropped or renamed) and every
/// mutant must be read or refused with problems, never thrown. A failure prints the CsCheck seed that
/// reproduces it. CI runs <see cref="DefaultIterations"/> per test; GENDERPLAN_FUZZ_ITERATIONS runs more
/// (docs/robustness.md).
/// </summary>
[Trait("Category", "Slow")]
public class ReportFuzzingTests(ITestOutputHelper output)
{
    private const long DefaultIterations = 5_000;

    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("GENDERPLAN_FUZZ_ITERATIONS"), out var iterations) ? iterations : DefaultIterations;

    private static readonly string[] CsvTokens = ["\"", "\"\"", "\r", "\n", "\r\n", ",", ";", "\t", "%", "/", "-", "79228162514264337593543950335", "0/0", "1/0", "Không có", "\uFEFF", "\uFFFE", "\0", "G3.1", "2019-H1"];
    private static readonly string[] JsonTokens = ["[", "]", "{", "}", "\"", "\\ud800", "\\ufffe", "\\u0000", ":", ",", "null", "true", "1e999", "-0", "\"value\":", "/*", "//", "\n", "[[[[[[[[[[", "79228162514264337593543950335"];
    private static readonly string[] XmlTokens =
    [
        "<", ">", "</", "/>", "\"", "&", "&amp;", "&#xD800;", "&#0;", "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "<![CDATA[x]]>",
        "<c r=\"ZZZZ1\" t=\"s\"><v>99</v></c>", "<c r=\"IW2\"><v>1</v></c>", "<row r=\"0\">", "<row r=\"1048577\">", "<row>", "</row>",
        " t=\"s\"", " t=\"b\"", " s=\"999\"", "<v>1e308</v>", "<v>79228162514264337593543950335</v>", "<x><x><x><x><x><x><x><x>",
        " r:id=\"rId7\"", " xml:space=\"preserve\"", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<rPh><t>x</t></rPh>", "\uFFFE",
    ];

    private static readonly string[] PartNames = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels", "xl/styles.xml", "xl/sharedStrings.xml", HostileFiles.SheetPart, "xl/worksheets/sheet2.xml"];

    /// <summary>Valid reports to mutate, by file name; the test below checks they are valid.</summary>
    private static readonly Lazy<(string Name, byte[] Bytes)[]> Seeds = new(() =>
    {
        var csv = File.ReadAllBytes(Path.Combine(TestRules.RulesDirectory, "samples", "dak-to-2019.csv"));
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var table = CsvTableReader.Read("seed.csv", csv, []) ?? throw new InvalidOperationException("the sample does not read");
        var semicolons = string.Join("\r\n", new[] { table.Columns }.Concat(table.Rows.Select(row => row.Cells)).Select(cells => string.Join(';', cells)));
        var json = "[" + string.Join(",\n", table.Rows.Select(row =>
            "{" + string.Join(',', table.Columns.Select((column, index) => $"{JsonSerializer.Serialize(column)}:{JsonSerializer.Serialize(row.Cells[index])}")) + "}")) + "]";
        var template = ReportTemplate.Rows(TestRules.Plan, Period.Annual(2019), "dak-to")
            .Select((row, index) => index == 1 ? row.Select((cell, column) => column == 4 ? "16,1" : cell).ToList() : row).ToList();
        return
        [
            ("seed.csv", csv),
            ("seed-semicolon.csv", Encoding.UTF8.GetBytes(semicolons)),
            ("seed-utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]),
            ("seed.json", Encoding.UTF8.GetBytes(json)),
            ("seed-template.xlsx", ReportFiles.Xlsx([.. template.Select(row => row.ToArray())])),
            ("seed-percent.xlsx", ReportFiles.Xlsx(["period", "jurisdiction", "indicator", "value", "note"], ["2019", "dak-to", "G3.1", "97.2%", "ô phần trăm"], ["2019", "dak-to", "G4.1", "108", ""])),
        ];
    });

    [Fact]
    public void Fuzzing_starts_from_valid_reports_of_every_format()
    {
        Assert.All(Seeds.Value, seed => Assert.Empty(ReportReader.Read(seed.Name, seed.Bytes, TestRules.Book).Problems));
        Assert.Equal([".csv", ".json", ".xlsx"], Seeds.Value.Select(seed => Path.GetExtension(seed.Name)).Distinct().Order());
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".json")]
    [InlineData(".xlsx")]
    public void Mutated_file_is_read_or_refused_never_thrown(string extension)
    {
        var seeds = Seeds.Value.Where(seed => seed.Name.EndsWith(extension, StringComparison.Ordinal)).ToArray();
        var tokens = (extension == ".json" ? JsonTokens : extension == ".csv" ? CsvTokens : XmlTokens).Select(Encoding.UTF8.GetBytes).ToArray();

        var outcomes = new Outcomes();
        Gen.Select(Gen.Int[0, seeds.Length - 1], Edit(tokens).Array[1, 6])
            .Sample(
                (seed, edits) => outcomes.Count(ReadOrRefused(seeds[seed].Name, Apply(seeds[seed].Bytes, edits))),
                writeLine: output.WriteLine,
                iter: Iterations,
                print: pair => $"{seeds[pair.Item1].Name} with {string.Join(", ", pair.Item2.AsEnumerable())}");
        output.WriteLine(outcomes.ToString());
    }

    [Fact]
    public void Workbook_with_mutated_parts_is_read_or_refused_never_thrown()
    {
        var workbooks = Seeds.Value.Where(seed => seed.Name.EndsWith(".xlsx", StringComparison.Ordinal)).Select(seed => HostileFiles.Unzip(seed.Bytes)).ToArray();
        var tokens = XmlTokens.Select(Encoding.UTF8.GetBytes).ToArray();
        var partEdit = Gen.OneOf(
            Gen.Select(Gen.Int[0, 9], Edit(tokens).Array[1, 6], (part, edits) => new PartEdit(part, edits, Drop: false, RenameTo: null)),
            Gen.Int[0, 9].Select(part => new PartEdit(part, [], Drop: true, RenameTo: null)),
            Gen.Select(Gen.Int[0, 9], Gen.Int[0, PartNames.Length - 1], (part, name) => new PartEdit(part, [], Drop: false, RenameTo: PartNames[name])));

        var outcomes = new Outcomes();
        Gen.Select(Gen.Int[0, workbooks.Length - 1], partEdit.Array[1, 3])
            .Sample(
                (workbook, edits) => outcomes.Count(ReadOrRefused("mutant.xlsx", Rezip(workbooks[workbook], edits))),
                writeLine: output.WriteLine,
                iter: Iterations,
                print: pair => $"workbook {pair.Item1} with {string.Join("; ", pair.Item2.AsEnumerable())}");
        output.WriteLine(outcomes.ToString());
    }

    /// <summary>The property: a report with no problem, or problems naming the file; never an exception.</summary>
    private static ReportReadResult ReadOrRefused(string name, byte[] bytes)
    {
        var result = ReportReader.Read(name, bytes, TestRules.Book);

        if (result.Report is { } report)
        {
            Assert.Empty(result.Problems);
            Assert.InRange(report.Values.Count, 1, ReportLimits.MaxRows);
            Assert.All(report.Values, value => Assert.InRange(value.Measurement.Value, -ReportLimits.MaxValue, ReportLimits.MaxValue));
        }
        else
        {
            Assert.NotEmpty(result.Problems);
            Assert.All(result.Problems, problem => Assert.True(problem.File == name && problem.Text.En.Trim().Length > 0, problem.ToString()));
        }

        return result;
    }

    private static Gen<ByteEdit> Edit(byte[][] tokens) => Gen.OneOf(
        Gen.Select(Gen.Double.Unit, Gen.Byte, (at, mask) => new ByteEdit(ByteEditKind.Flip, at, [mask])),
        Gen.Select(Gen.Double.Unit, Gen.Int[0, tokens.Length - 1], (at, token) => new ByteEdit(ByteEditKind.Insert, at, tokens[token])),
        Gen.Select(Gen.Double.Unit, Gen.Byte.Array[1, 8], (at, bytes) => new ByteEdit(ByteEditKind.Insert, at, bytes)),
        Gen.Select(Gen.Double.Unit, Gen.Int[1, 64], (at, length) => new ByteEdit(ByteEditKind.Delete, at, [], length)),
        Gen.Select(Gen.Double.Unit, Gen.Int[1, 256], (at, length) => new ByteEdit(ByteEditKind.Duplicate, at, [], length)),
        Gen.Double.Unit.Select(at => new ByteEdit(ByteEditKind.Truncate, at, [])));

    private static byte[] Apply(byte[] original, IEnumerable<ByteEdit> edits)
    {
        var bytes = new List<byte>(original);
        foreach (var edit in edits)
        {
            var at = Math.Min(bytes.Count, (int)(edit.At * bytes.Count));
            switch (edit.Kind)
            {
                case ByteEditKind.Flip when at < bytes.Count:
                    bytes[at] ^= edit.Bytes[0] == 0 ? (byte)1 : edit.Bytes[0];
                    break;
                case ByteEditKind.Insert:
                    bytes.InsertRange(at, edit.Bytes);
                    break;
                case ByteEditKind.Delete:
                    bytes.RemoveRange(at, Math.Min(edit.Length, bytes.Count - at));
                    break;
                case ByteEditKind.Duplicate:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(edit.Length, bytes.Count - at)));
                    break;
                case ByteEditKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] Rezip((string Name, byte[] Bytes)[] parts, IEnumerable<PartEdit> edits)
    {
        var edited = parts.ToList();
        foreach (var edit in edits)
        {
            if (edited.Count == 0)
            {
                break;
            }

            var index = edit.Part % edited.Count;
            if (edit.Drop)
            {
                edited.RemoveAt(index);
            }
            else
            {
                edited[index] = (edit.RenameTo ?? edited[index].Name, Apply(edited[index].Bytes, edit.Edits));
            }
        }

        return HostileFiles.Zip(edited.Select(part => (part.Name, (Action<Stream>)(stream => stream.Write(part.Bytes)))));
    }

    /// <summary>How many mutants were read and how many refused, to show the fuzzing reaches past the first check.</summary>
    private sealed class Outcomes
    {
        private int _read;
        private int _refused;

        public void Count(ReportReadResult result) => Interlocked.Increment(ref result.IsValid ? ref _read : ref _refused);

        public override string ToString() => $"{_read + _refused} mutants: {_read} read, {_refused} refused";
    }

    private enum ByteEditKind
    {
        Flip,
        Insert,
        Delete,
        Duplicate,
        Truncate,
    }

    /// <summary>One change to a file's bytes, at a fraction of its length (so it shrinks well and fits any seed).</summary>
    private sealed record ByteEdit(ByteEditKind Kind, double At, byte[] Bytes, int Length = 0)
    {
        public override string ToString() => $"{Kind} at {At:0.###}" + (Kind == ByteEditKind.Insert ? $" '{Encoding.UTF8.GetString(Bytes)}'" : Length > 0 ? $" {Length} bytes" : "");
    }

    /// <summary>One change to a workbook's zip entries: bytes edited, the entry dropped, or renamed.</summary>
    private sealed record PartEdit(int Part, ByteEdit[] Edits, bool Drop, string? RenameTo)
    {
        public override string ToString() => $"part {Part}: " + (Drop ? "dropped" : $"{string.Join(", ", Edits.AsEnumerable())}{(RenameTo is null ? "" : $" renamed {RenameTo}")}");
    }
}
