using System.Text.Json;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Text;

/// <summary>Parses JSON files users give us, turning a syntax error into a located <see cref="Problem"/>.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument? TryParse(string file, ReadOnlyMemory<byte> content, List<Problem> problems) =>
        TryParse(file, () => JsonDocument.Parse(content, Options), problems);

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
