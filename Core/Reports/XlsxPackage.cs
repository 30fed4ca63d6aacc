using System.IO.Compression;
using System.Text;
using System.Xml;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// The parts of an .xlsx file (a zip of XML parts), each opened as a streaming, bounded XML reader. Kept
/// hand-made over the standard library's ZipArchive and XmlReader because the Open XML SDK builds each
/// part as a DOM, recursively (a sheet of 100,000 nested elements overflows the stack) and unbounded (a
/// zip bomb fills the memory). Here every part is refused before it is unzipped when it claims more than
/// <see cref="ReportLimits.MaxUnzippedBytes"/>, counted as it unzips in case the claim is a lie, parsed
/// without DTDs, and read no deeper than <see cref="ReportLimits.MaxDepth"/>.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    /// <summary>New for each part: XmlReaderSettings are not documented as safe to share across threads.</summary>
    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = ReportLimits.MaxUnzippedBytes,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _unzipped;

    /// <summary>Opens the zip; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public XlsxPackage(byte[] bytes)
    {
        _zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        foreach (var entry in _zip.Entries)
        {
            _entries.TryAdd(entry.FullName.Replace('\\', '/').TrimStart('/'), entry);
        }
    }

    /// <summary>A relationship of a part: what kind of part it points to, and that part's name.</summary>
    public sealed record Relationship(string Type, string Target);

    /// <summary>Whether the package has <paramref name="part"/>.</summary>
    public bool Has(string part) => _entries.ContainsKey(part);

    /// <summary>Opens <paramref name="part"/> for reading, or returns null when the package lacks it.</summary>
    public XlsxPart? Open(string part)
    {
        if (!_entries.TryGetValue(part, out var entry))
        {
            return null;
        }

        if (entry.Length > ReportLimits.MaxUnzippedBytes - _unzipped)
        {
            throw new ReportRefusedException(ProblemLocation.At(part), Messages.XlsxPartTooLarge, ReportLimits.Size(entry.Length), ReportLimits.Size(ReportLimits.MaxUnzippedBytes));
        }

        var bounded = new BoundedStream(this, OpenEntry(entry, part), part, entry.Length);
        try
        {
            // Creating the reader already reads the start of the part, to detect its encoding.
            return new XlsxPart(part, XmlReader.Create(bounded, Settings));
        }
        catch (Exception exception) when (XlsxPart.IsMalformed(exception))
        {
            bounded.Dispose();
            throw XlsxPart.Malformed(part, exception, null);
        }
    }

    /// <summary>
    /// The first <paramref name="maxBytes"/> bytes of <paramref name="part"/> as ASCII text, or null when the
    /// package lacks it: enough to tell what a small part such as an OpenDocument file's <c>mimetype</c> says.
    /// </summary>
    public string? Peek(string part, int maxBytes)
    {
        if (!_entries.TryGetValue(part, out var entry))
        {
            return null;
        }

        var buffer = new byte[maxBytes];
        using var bounded = new BoundedStream(this, OpenEntry(entry, part), part, entry.Length);
        return Encoding.ASCII.GetString(buffer, 0, bounded.ReadAtLeast(buffer, maxBytes, throwOnEndOfStream: false));
    }

    /// <summary>
    /// The relationships of <paramref name="part"/> (an empty name for the package's own) by id, with
    /// targets resolved to part names; external targets are left out.
    /// </summary>
    public Dictionary<string, Relationship> Relationships(string part)
    {
        var folder = part.LastIndexOf('/') is var slash and >= 0 ? part[..(slash + 1)] : "";
        var relationships = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        using var reader = Open($"{folder}_rels/{part[folder.Length..]}.rels");
        while (reader is not null && reader.Read())
        {
            if (reader.IsElement("Relationship")
                && reader.Attribute("Id") is { } id
                && reader.Attribute("Type") is { } type
                && reader.Attribute("Target") is { } target
                && reader.Attribute("TargetMode") is not "External")
            {
                relationships.TryAdd(id, new Relationship(type, Resolve(folder, target)));
            }
        }

        return relationships;
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    private static Stream OpenEntry(ZipArchiveEntry entry, string part)
    {
        try
        {
            return entry.Open();
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException or IOException)
        {
            throw new ReportRefusedException(ProblemLocation.At(part), Messages.XlsxPartDamaged, exception.Message);
        }
    }

    /// <summary>A relationship target as a part name: relative to the source part's folder, or absolute.</summary>
    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Counts the bytes a part unzips to, against its own claim and the package's budget.</summary>
    private sealed class BoundedStream(XlsxPackage package, Stream inner, string part, long claimed) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count;
            try
            {
                count = inner.Read(buffer);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                throw new ReportRefusedException(ProblemLocation.At(part), Messages.XlsxPartDamaged, exception.Message);
            }

            _read += count;
            package._unzipped += count;
            if (_read > claimed)
            {
                throw new ReportRefusedException(ProblemLocation.At(part), Messages.XlsxPartLargerThanClaimed, ReportLimits.Size(claimed));
            }

            if (package._unzipped > ReportLimits.MaxUnzippedBytes)
            {
                throw new ReportRefusedException(ProblemLocation.At(part), Messages.XlsxPartsTooLarge, ReportLimits.Size(ReportLimits.MaxUnzippedBytes));
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// One part of a workbook being read: an XmlReader whose every step is checked for depth, and whose
/// malformed XML is refused with the part's name and the line where it breaks.
/// </summary>
internal sealed class XlsxPart(string name, XmlReader xml) : IDisposable
{
    private readonly char[] _chunk = new char[4096];

    /// <summary>The part's name in the package, e.g. <c>xl/worksheets/sheet1.xml</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The current node's depth (0 for the root element).</summary>
    public int Depth => xml.Depth;

    /// <summary>Whether the current node is an element with no content (<c>&lt;c r="A1"/&gt;</c>).</summary>
    public bool IsEmptyElement => xml.IsEmptyElement;

    /// <summary>Moves to the next node; false at the end of the part.</summary>
    public bool Read()
    {
        bool more;
        try
        {
            more = xml.Read();
        }
        catch (Exception exception) when (IsMalformed(exception))
        {
            throw Malformed(Name, exception, xml);
        }

        if (xml.Depth > ReportLimits.MaxDepth)
        {
            throw new ReportRefusedException(Where(Name, xml), Messages.XlsxTooDeep, ReportLimits.MaxDepth);
        }

        return more;
    }

    /// <summary>Whether the current node is the start of an element called <paramref name="localName"/>, in any namespace.</summary>
    public bool IsElement(string localName) => xml.NodeType == XmlNodeType.Element && xml.LocalName == localName;

    /// <summary>Whether the current node closes an element called <paramref name="localName"/> at <paramref name="depth"/>.</summary>
    public bool IsEnd(string localName, int depth) => xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth && xml.LocalName == localName;

    /// <summary>The value of the current element's attribute of that name and no namespace.</summary>
    public string? Attribute(string name) => xml.GetAttribute(name);

    /// <summary>The value of the current element's attribute <c>r:id</c>, whatever the prefix (transitional or strict).</summary>
    public string? RelationshipId()
    {
        for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
        {
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("/relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        }

        xml.MoveToElement();
        return null;
    }

    /// <summary>
    /// Appends the text inside the current element (and inside its children, but those of <c>rPh</c>,
    /// Excel's phonetic hints, which it does not show) to <paramref name="text"/> and stops on the
    /// element's end; false, and it stops at once, when the text passes <see cref="ReportLimits.MaxCellLength"/>.
    /// </summary>
    public bool ReadText(StringBuilder text)
    {
        if (xml.IsEmptyElement)
        {
            return true;
        }

        var depth = xml.Depth;
        var phonetic = -1;
        while (Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (IsElement("rPh") && phonetic < 0 && !xml.IsEmptyElement)
            {
                phonetic = xml.Depth;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phonetic)
            {
                phonetic = -1;
            }
            else if (phonetic < 0 && xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace
                && !AppendChunks(text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The problem with a cell whose text passes <see cref="ReportLimits.MaxCellLength"/>.</summary>
    public static ReportRefusedException TooLong(ProblemLocation location) =>
        new(location, Messages.XlsxCellTooLong, ReportLimits.MaxCellLength);

    /// <inheritdoc />
    public void Dispose() => xml.Dispose();

    /// <summary>Reads a text node in chunks, so that one huge node is refused before it is held whole.</summary>
    private bool AppendChunks(StringBuilder text)
    {
        try
        {
            int count;
            while ((count = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                if (text.Length + count > ReportLimits.MaxCellLength)
                {
                    return false;
                }

                text.Append(_chunk, 0, count);
            }

            return true;
        }
        catch (Exception exception) when (IsMalformed(exception))
        {
            throw Malformed(Name, exception, xml);
        }
    }

    /// <summary>
    /// Whether XmlReader threw because the part is not well-formed: an XmlException, or (a System.Xml bug
    /// found by fuzzing, see HostileFiles) an ArgumentOutOfRangeException on invalid bytes in the XML declaration.
    /// </summary>
    internal static bool IsMalformed(Exception exception) => exception is XmlException or ArgumentOutOfRangeException;

    /// <summary>The problem with a part that is not well-formed XML, located where the reader stopped.</summary>
    internal static ReportRefusedException Malformed(string part, Exception exception, XmlReader? xml) =>
        new(exception is XmlException { LineNumber: > 0 } located ? ProblemLocation.At($"{part}, line {located.LineNumber}, position {located.LinePosition}") : Where(part, xml),
            Messages.XlsxMalformed);

    private static ProblemLocation Where(string part, XmlReader? xml) =>
        ProblemLocation.At(xml is IXmlLineInfo line && line.LineNumber > 0 ? $"{part}, line {line.LineNumber}, position {line.LinePosition}" : part);
}
