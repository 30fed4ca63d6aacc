using System.IO.Compression;
using System.Text;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The hostile report files seen so far, rebuilt byte by byte: workbooks are written part by part as raw
/// XML into a zip (no Office library would write them), so each keeps exactly the flaw that was reported.
/// </summary>
internal static class HostileFiles
{
    public const string SheetPart = "xl/worksheets/sheet1.xml";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SheetStart = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>";
    private const string SheetEnd = "</sheetData></worksheet>";

    /// <summary>The header row of a report sheet.</summary>
    public static readonly string HeaderRow = Row(1, "period", "jurisdiction", "indicator", "value");

    /// <summary>The hostile files by name: the file name to read it as, and how to build it.</summary>
    public static readonly IReadOnlyDictionary<string, (string File, Func<byte[]> Build)> All = new Dictionary<string, (string, Func<byte[]>)>
    {
        ["xlsx: sheet of 100,000 nested unknown elements (4 KB)"] = ("r.xlsx", () => Workbook(
            SheetStart.Replace("<sheetData>", "", StringComparison.Ordinal) + Repeat("<x>", 100_000) + Repeat("</x>", 100_000) + "</worksheet>")),
        ["xlsx: header cell at ZZZZZZ1 (3 KB)"] = ("r.xlsx", () => Workbook(SheetStart + "<row r=\"1\">" + InlineCell("ZZZZZZ1", "period") + "</row>" + SheetEnd)),
        ["xlsx: header cell at XFD1, Excel's last column"] = ("r.xlsx", () => Workbook(SheetStart + "<row r=\"1\">" + InlineCell("XFD1", "period") + "</row>" + SheetEnd)),
        ["xlsx: sheet that unzips to 1.1 GB of rows"] = ("r.xlsx", () => Workbook(sheet => Write(sheet, SheetStart, "<row/>", 1_100_000_000, SheetEnd))),
        ["xlsx: one text node of 1.1 GB"] = ("r.xlsx", () => Workbook(sheet => Write(sheet, SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "A", 1_100_000_000, "</t></is></c></row>" + SheetEnd))),
        ["xlsx: one text node of 1 MB, within the unzipped limit"] = ("r.xlsx", () => Workbook(SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + Repeat("A", 1 << 20) + "</t></is></c></row>" + SheetEnd)),
        ["xlsx: sheet whose zip entry claims 1 KB but unzips to 10 MB"] = ("r.xlsx", () => LyingSizes(Workbook(sheet => Write(sheet, SheetStart, "<row/>", 10_000_000, SheetEnd)), SheetPart, 1024)),
        ["xlsx: 1,000,000 shared strings and a cell past them"] = ("r.xlsx", () => Workbook(
            SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1000000</v></c></row>" + SheetEnd,
            sharedStrings: $"<sst xmlns=\"{Main}\">" + Repeat("<si><t>a</t></si>", 1_000_000) + "</sst>")),
        ["xlsx: 60,000 zip entries"] = ("r.xlsx", () => Zip(Enumerable.Range(0, 60_000).Select(entry => ($"{entry}", (Action<Stream>)(_ => { }))))),
        ["xlsx: 200,000 ordinary rows"] = ("r.xlsx", () => Workbook(sheet => WriteRows(sheet, 200_000))),
        ["xlsx: byte-flipped workbook"] = ("r.xlsx", () => Flipped(Workbook(SheetStart + HeaderRow + Row(2, "2019", "dak-to", "G3.1", "97") + SheetEnd))),
        ["xlsx: sheet with a DTD (billion laughs)"] = ("r.xlsx", () => Workbook(BillionLaughs)),
        ["xlsx: sheet with an external entity (XXE)"] = ("r.xlsx", () => Workbook(
            "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + SheetStart[SheetStart.IndexOf("<worksheet", StringComparison.Ordinal)..] + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>" + SheetEnd)),
        ["xlsx: workbook whose XML declaration holds invalid bytes (System.Xml throws ArgumentOutOfRangeException)"] = ("r.xlsx", () => WithPart(
            Workbook(SheetStart + HeaderRow + SheetEnd), "xl/workbook.xml", [.. "<?xml version=\"1.0"u8, 0xfc, 0x92, 0x8e, 0x44, 0x4d, 0xb5, 0xae, 0x5f, .. "\" encoding=\"utf-8\"?><x:"u8])),
        ["xlsx: sheet that is not XML"] = ("r.xlsx", () => Workbook("period,jurisdiction,indicator,value\n2019,dak-to,G3.1,97\n")),
        ["xlsx: first sheet with a relationship id the workbook lacks"] = ("r.xlsx", () => Workbook(SheetStart + HeaderRow + SheetEnd, sheetId: "rId9")),
        ["xlsx: cell refers to a shared string the workbook lacks"] = ("r.xlsx", () => Workbook(SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>" + SheetEnd)),
        ["xlsx: row numbered past Excel's last row"] = ("r.xlsx", () => Workbook(SheetStart + "<row r=\"99999999999\">" + InlineCell("A1", "period") + "</row>" + SheetEnd)),
        ["xlsx: huge number in a percentage cell"] = ("r.xlsx", () => Workbook(
            SheetStart + HeaderRow + "<row r=\"2\">" + InlineCell("A2", "2019") + InlineCell("B2", "dak-to") + InlineCell("C2", "G3.1") + "<c r=\"D2\" s=\"1\"><v>79228162514264337593543950335</v></c></row>" + SheetEnd,
            styles: $"<styleSheet xmlns=\"{Main}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>")),
        ["xlsx: 5,000 rows of 256 numbers (19 MB unzipped, within every limit)"] = ("r.xlsx", () => Workbook(sheet => WriteGrid(sheet, 5_000, 256))),
        ["csv: 79228162514264337593543950335/1"] = ("r.csv", () => Csv("2019,dak-to,G4.1,79228162514264337593543950335/1,,")),
        ["csv: huge numerator over a tiny denominator"] = ("r.csv", () => Csv("2019,dak-to,G6.2b,,999999999,\"0,0000000000000000000000001\"")),
        ["csv: huge negative value against its numerator and denominator"] = ("r.csv", () => Csv("2019,dak-to,G6.1,-79228162514264337593543950335,79228162514264337593543950335,1")),
        ["csv: UTF-8 text holding the noncharacter U+FFFE"] = ("r.csv", () => Csv("2019,dak-to,G3.1,97,,\uFFFE")),
        ["csv: UTF-16 of three characters, one of them U+FFFE (found by fuzzing)"] = ("r.csv", () => [0xFF, 0xFE, 0x2C, 0xFF, 0xFE, 0xFF, 0xFE, 0x2C, 0xFF, 0xFE]),
        ["csv: 200,000 ordinary rows"] = ("r.csv", () => Csv(Enumerable.Repeat("2019,dak-to,G3.1,97,,", 200_000).ToArray())),
        ["csv: a row of 300 fields"] = ("r.csv", () => Csv("2019,dak-to,G3.1,97" + Repeat(",", 296))),
        ["csv: one line of 5 MB of separators"] = ("r.csv", () => Encoding.UTF8.GetBytes(Repeat(",", 5 * 1024 * 1024 - 1))),
        ["csv: 10,000 rows of 256 one-letter fields (within every limit)"] = ("r.csv", () => Encoding.UTF8.GetBytes(Repeat(Repeat("a,", 255) + "a\n", 10_001))),
        ["csv: a cell of 40,000 characters"] = ("r.csv", () => Csv("2019,dak-to,G3.1," + Repeat("9", 40_000) + ",,")),
        ["json: one item with 100,000 keys"] = ("r.json", () => Encoding.UTF8.GetBytes("[{" + string.Join(',', Enumerable.Range(0, 100_000).Select(key => $"\"k{key}\":1")) + "}]")),
        ["json: 300,000 items, each with a key of its own"] = ("r.json", () => Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 300_000).Select(key => $"{{\"{key}\":1}}")) + "]")),
        ["json: 20,000 items"] = ("r.json", () => Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{\"period\":\"2019\"}", 20_000)) + "]")),
        ["json: 100,000 nested arrays"] = ("r.json", () => Encoding.UTF8.GetBytes(Repeat("[", 100_000) + Repeat("]", 100_000))),
        ["json: a lone surrogate escaped in a field name"] = ("r.json", () => Encoding.UTF8.GetBytes("[{\"period\\ud800\":\"2019\"}]")),
        ["json: U+FFFE escaped in a value"] = ("r.json", () => Encoding.UTF8.GetBytes("[{\"period\":\"\\ufffe\"}]")),
        ["json: a field twice in one item"] = ("r.json", () => Encoding.UTF8.GetBytes("[{\"value\":\"97\",\"value\":\"101\"}]")),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<byte[]>> Built = new();

    /// <summary>The hostile file called <paramref name="name"/>, built once per test run (the bombs take a second each).</summary>
    public static (string File, byte[] Bytes) Get(string name) =>
        (All[name].File, Built.GetOrAdd(name, key => new Lazy<byte[]>(All[key].Build)).Value);

    /// <summary>A sheet row of inline strings.</summary>
    public static string Row(int number, params string[] cells) =>
        $"<row r=\"{number}\">" + string.Concat(cells.Select((text, column) => InlineCell(Reports.RawTable.ColumnLetter(column) + number, text))) + "</row>";

    /// <summary>A minimal workbook whose first sheet is <paramref name="sheet"/>, written as given.</summary>
    public static byte[] Workbook(string sheet, string sheetId = "rId1", string? styles = null, string? sharedStrings = null) =>
        Workbook(stream => stream.Write(Encoding.UTF8.GetBytes(sheet)), sheetId, styles, sharedStrings);

    /// <summary>A minimal workbook whose first sheet is streamed by <paramref name="writeSheet"/>.</summary>
    public static byte[] Workbook(Action<Stream> writeSheet, string sheetId = "rId1", string? styles = null, string? sharedStrings = null)
    {
        var parts = new List<(string, Action<Stream>)>
        {
            ("[Content_Types].xml", Text($"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/{SheetPart}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")),
            ("_rels/.rels", Text($"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
            ("xl/workbook.xml", Text($"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"{sheetId}\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", Text($"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId3\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")),
            (SheetPart, writeSheet),
        };
        if (styles is not null)
        {
            parts.Add(("xl/styles.xml", Text(styles)));
        }

        if (sharedStrings is not null)
        {
            parts.Add(("xl/sharedStrings.xml", Text(sharedStrings)));
        }

        return Zip(parts);
    }

    /// <summary>The workbook with the part called <paramref name="part"/> replaced by <paramref name="content"/>.</summary>
    public static byte[] WithPart(byte[] workbook, string part, byte[] content) =>
        Zip(Unzip(workbook).Select(entry => (entry.Name, (Action<Stream>)(output => output.Write(entry.Name == part ? content : entry.Bytes)))));

    /// <summary>The workbook with each of <paramref name="parts"/> replaced, or added when it has no part of that name.</summary>
    public static byte[] WithParts(byte[] workbook, params (string Name, string Xml)[] parts)
    {
        var entries = Unzip(workbook).ToDictionary(entry => entry.Name, entry => entry.Bytes);
        foreach (var (name, xml) in parts)
        {
            entries[name] = Encoding.UTF8.GetBytes(xml);
        }

        return Zip(entries.Select(entry => (entry.Key, (Action<Stream>)(output => output.Write(entry.Value)))));
    }

    /// <summary>Every entry of a zip, unzipped.</summary>
    public static (string Name, byte[] Bytes)[] Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (entry.FullName, copy.ToArray());
        }).ToArray();
    }

    /// <summary>A zip of the given entries, compressed as well as the standard library can in a hurry.</summary>
    public static byte[] Zip(IEnumerable<(string Name, Action<Stream> Write)> entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(stream);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// The zip with the uncompressed size that <paramref name="part"/> claims (in its local header and in
    /// the central directory) replaced by <paramref name="claimed"/>, the way a forged bomb lies.
    /// </summary>
    public static byte[] LyingSizes(byte[] zip, string part, uint claimed)
    {
        var name = Encoding.ASCII.GetBytes(part);
        var bytes = (byte[])zip.Clone();
        for (var offset = 0; offset + 46 < bytes.Length; offset++)
        {
            var signature = BitConverter.ToUInt32(bytes, offset);
            var (nameAt, sizeAt) = signature switch
            {
                0x04034b50 => (offset + 30, offset + 22),
                0x02014b50 => (offset + 46, offset + 24),
                _ => (-1, -1),
            };
            if (nameAt > 0 && nameAt + name.Length <= bytes.Length && bytes.AsSpan(nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(sizeAt, 4), claimed);
            }
        }

        return bytes;
    }

    /// <summary>The file with every 61st byte inverted, past the first four (so it still looks like a zip).</summary>
    public static byte[] Flipped(byte[] file)
    {
        var bytes = (byte[])file.Clone();
        for (var offset = 4; offset < bytes.Length; offset += 61)
        {
            bytes[offset] ^= 0xFF;
        }

        return bytes;
    }

    /// <summary>A report CSV with the template's value columns.</summary>
    public static byte[] Csv(params string[] rows) =>
        Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value,numerator,denominator\n" + string.Join("\n", rows) + "\n");

    private static string BillionLaughs
    {
        get
        {
            var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
            for (var level = 1; level <= 9; level++)
            {
                entities.Append($"<!ENTITY lol{level} \"{Repeat($"&lol{level - 1};", 10)}\">");
            }

            return $"<?xml version=\"1.0\"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
        }
    }

    private static string InlineCell(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static Action<Stream> Text(string xml) => stream => stream.Write(Encoding.UTF8.GetBytes(xml));

    /// <summary>Streams <paramref name="start"/>, then <paramref name="unit"/> until about <paramref name="bytes"/> are written, then <paramref name="end"/>.</summary>
    private static void Write(Stream stream, string start, string unit, long bytes, string end)
    {
        stream.Write(Encoding.UTF8.GetBytes(start));
        var chunk = Encoding.UTF8.GetBytes(Repeat(unit, (1 << 16) / unit.Length));
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            stream.Write(chunk);
        }

        stream.Write(Encoding.UTF8.GetBytes(end));
    }

    /// <summary>A sheet of <paramref name="rows"/> rows of <paramref name="columns"/> numbers, without cell references.</summary>
    private static void WriteGrid(Stream stream, int rows, int columns)
    {
        var row = Encoding.UTF8.GetBytes("<row>" + Repeat("<c><v>1</v></c>", columns) + "</row>");
        stream.Write(Encoding.UTF8.GetBytes(SheetStart));
        for (var count = 0; count < rows; count++)
        {
            stream.Write(row);
        }

        stream.Write(Encoding.UTF8.GetBytes(SheetEnd));
    }

    /// <summary>A report sheet of <paramref name="count"/> ordinary rows, numbers only, so it stays small.</summary>
    private static void WriteRows(Stream stream, int count)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(SheetStart + HeaderRow);
        for (var row = 2; row <= count + 1; row++)
        {
            writer.Write($"<row r=\"{row}\"><c r=\"A{row}\"><v>2019</v></c><c r=\"D{row}\"><v>97</v></c></row>");
        }

        writer.Write(SheetEnd);
    }
}
