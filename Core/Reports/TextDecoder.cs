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
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                return (StrictUtf8.GetString(bytes[3..]).Normalize(), null);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]).Normalize(), null);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]).Normalize(), null);
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
            return (StrictUtf8.GetString(bytes).Normalize(), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the text is not UTF-8 (perhaps an older Excel export in Windows-1258); in Excel choose \"CSV UTF-8\" when saving");
        }
    }

    /// <summary>
    /// <paramref name="text"/> in normalization form C, or null when it cannot be normalized: a lone UTF-16
    /// surrogate, which a JSON escape such as <c>"\ud800"</c> can smuggle past the strict decoders.
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
