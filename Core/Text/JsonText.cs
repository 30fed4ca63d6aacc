using System.Text.Json;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>Parses JSON files users give us, turning a syntax error into a located <see cref="Problem"/>.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument? TryParse(string file, ReadOnlyMemory<byte> content, List<Problem> problems)
    {
        // JsonDocument checks UTF-8 only when a string is read, so a broken byte would throw later, deep in whoever reads it.
        if (!System.Text.Unicode.Utf8.IsValid(content.Span))
        {
            problems.Add(Messages.JsonNotUtf8.At(file, null));
            return null;
        }

        var document = TryParse(file, () => JsonDocument.Parse(content, Options), problems);
        if (document is not null && !AllTextReadable(document.RootElement))
        {
            // An escaped half of a surrogate pair ("\ud800") parses, and throws only when the string is read.
            problems.Add(Messages.JsonNotUtf8.At(file, null));
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>Whether every string and property name can be read as text; iterative, so depth costs no stack.</summary>
    private static bool AllTextReadable(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        try
        {
            while (pending.TryPop(out var element))
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        _ = element.GetString();
                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            pending.Push(item);
                        }

                        break;
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            _ = property.Name;
                            pending.Push(property.Value);
                        }

                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return true;
    }

    public static JsonDocument? TryParse(string file, string content, List<Problem> problems) =>
        TryParse(file, () => JsonDocument.Parse(content, Options), problems);

    private static JsonDocument? TryParse(string file, Func<JsonDocument> parse, List<Problem> problems)
    {
        try
        {
            return parse();
        }
        catch (JsonException exception)
        {
            problems.Add(Messages.JsonInvalid.At(file, ProblemLocation.LineOf((exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1)));
            return null;
        }
    }
}
