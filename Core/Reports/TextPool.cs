using System.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// One string for each short text a workbook repeats (the period, the place, "1" in a thousand cells), so a
/// sheet of <see cref="ReportLimits.MaxRows"/> rows holds a few hundred strings, not a million. The CSV
/// reader gets the same from Sep (<c>SepToString.PoolPerCol</c>).
/// </summary>
internal sealed class TextPool
{
    private const int MaxLength = 32;
    private const int MaxCount = 4096;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The text of <paramref name="text"/>, shared when it is short.</summary>
    public string Get(StringBuilder text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        Span<char> chars = stackalloc char[MaxLength];
        text.CopyTo(0, chars, text.Length);
        return Get(chars[..text.Length]);
    }

    /// <summary>The text of <paramref name="text"/>, shared when it is short.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (_lookup.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var created = text.ToString();
        if (_strings.Count < MaxCount)
        {
            _strings.Add(created);
        }

        return created;
    }
}
