using System.Collections.Frozen;
using System.Reflection;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>
/// The product's one message catalogue, as FluentValidation's language files are for its codes: every word a
/// user reads about a problem or in an answer, keyed by a code, in Vietnamese and English. Problems carry the
/// code and its arguments as data (stored, sent, compared) and are worded here, at the edge, in the reader's
/// language. The entries are split by area over the partial files <c>Messages.*.cs</c>.
/// </summary>
public static partial class Messages
{
    /// <summary>Row <c>{0}</c> of a sheet or CSV file.</summary>
    public static readonly MessageTemplate PlaceRow = new("place.row", "dòng {0}", "row {0}");

    /// <summary>Item <c>{0}</c> of a JSON list.</summary>
    public static readonly MessageTemplate PlaceItem = new("place.item", "mục {0}", "item {0}");

    /// <summary>Column letter <c>{0}</c>.</summary>
    public static readonly MessageTemplate PlaceColumn = new("place.column", "cột {0}", "column {0}");

    /// <summary>A JSON field <c>{0}</c>.</summary>
    public static readonly MessageTemplate PlaceField = new("place.field", "trường \"{0}\"", "field \"{0}\"");

    /// <summary>Line <c>{0}</c>, character <c>{1}</c> of a text file.</summary>
    public static readonly MessageTemplate PlaceLine = new("place.line", "dòng {0}, cột {1}", "line {0}, column {1}");

    /// <summary>A message given as it was written (an exception's words, a rules loader's message), the same in both languages.</summary>
    public static readonly MessageTemplate AsWritten = new("text", "{0}", "{0}");

    private static MessageTemplate EnglishOnly(string code, string en) => MessageTemplate.EnglishOnly(code, en);

    /// <summary>Every entry, for tests that check the catalogue is whole.</summary>
    public static IReadOnlyList<MessageTemplate> All => Index.Entries;

    /// <summary>The entry for <paramref name="code"/>, or null when the catalogue has none (a code stored by another version).</summary>
    public static MessageTemplate? Find(string code) => Index.ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The words for <paramref name="code"/>; an unknown code (stored by another version of the product) is
    /// shown as the code and its arguments rather than lost.
    /// </summary>
    public static LocalizedText Render(string code, IReadOnlyList<string> args)
    {
        if (Find(code) is { } template)
        {
            return template.Format(args);
        }

        var raw = args.Count == 0 ? code : $"{code}: {string.Join("; ", args)}";
        return new LocalizedText(raw, raw);
    }

    /// <summary>
    /// Built on first use, in its own class: the entries live in several partial files, whose static fields
    /// are all set before this runs, whatever order the compiler gives the files.
    /// </summary>
    private static class Index
    {
        public static readonly IReadOnlyList<MessageTemplate> Entries = [.. typeof(Messages)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetValue(null))
            .OfType<MessageTemplate>()];

        // Duplicates are caught by a test; the first wins here rather than failing every message at start.
        public static readonly FrozenDictionary<string, MessageTemplate> ByCode = Entries
            .DistinctBy(template => template.Code)
            .ToFrozenDictionary(template => template.Code, StringComparer.Ordinal);
    }
}
