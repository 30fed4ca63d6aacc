using System.Text;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Turns a text file's bytes into a string the way officials' tools write them: UTF-8 with or without a
/// byte order mark, or UTF-16 with one (repeated byte order marks are skipped). Anything else is refused by
/// name rather than guessed, because a wrong guess turns "Đăk Tô" into mojibake that still parses. Kept
/// hand-made: it is only the standard library's strict decoders, and detection libraries (UTF.Unknown)
/// guess where this must refuse.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/> or returns the reason it cannot.</summary>
    public static (string? Text, MessageTemplate? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        var (text, error) = DecodeAny(bytes);

        // A file saved twice by tools that each add a byte order mark starts with two; the second would
        // otherwise stick to the first column's name ("unknown column 'period'").
        return text is null ? (null, error) : Normalized(text.TrimStart('\uFEFF')) is { } normalized ? (normalized, null) : (null, Messages.NotText);
    }

    private static (string? Text, MessageTemplate? Error) DecodeAny(ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                return (StrictUtf8.GetString(bytes[3..]), null);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]), null);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]), null);
            }
        }
        catch (DecoderFallbackException)
        {
            return (null, Messages.BadUnicode);
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return (null, Messages.ZipNotText);
        }

        if (bytes.Contains((byte)0))
        {
            return (null, Messages.BinaryNotText);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Messages.NotUtf8);
        }
    }

    /// <summary>
    /// <paramref name="text"/> in normalization form C, or null when it cannot be normalized: it holds U+FFFE
    /// (which strict UTF-8 and UTF-16 decoders pass, found by fuzzing) or a lone surrogate (a JSON escape).
    /// </summary>
    internal static string? Normalized(string text)
    {
        try
        {
            return text.Normalize();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
