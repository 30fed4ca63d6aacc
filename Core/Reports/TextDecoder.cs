using System.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Turns a text file's bytes into a string the way officials' tools write them: UTF-8 with or without a
/// byte order mark, or UTF-16 with one. Anything else is refused by name rather than guessed, because a
/// wrong guess turns "Đăk Tô" into mojibake that still parses. Kept hand-made: it is only the standard
/// library's strict decoders, and detection libraries (UTF.Unknown) guess where this must refuse.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/> or returns the reason it cannot.</summary>
    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        var (text, error) = DecodeAny(bytes);
        return text is null ? (null, error) : Normalized(text) is { } normalized ? (normalized, null) : (null, NotText);
    }

    private const string NotText = "the file holds a character that is not text (U+FFFE, U+FFFF or a lone surrogate); save it again from the program that made it";

    private static (string? Text, string? Error) DecodeAny(ReadOnlySpan<byte> bytes)
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
            return (null, "the file says it is Unicode but holds invalid characters");
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return (null, "this is a ZIP or Excel file, not text; save it as .xlsx, or export it as CSV UTF-8");
        }

        if (bytes.Contains((byte)0))
        {
            return (null, "the file is binary or UTF-16 without a byte order mark; save it as CSV UTF-8");
        }

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the text is not UTF-8 (perhaps an older Excel export in Windows-1258); in Excel choose \"CSV UTF-8\" when saving");
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
