using System.Text.Json;
using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads a JSON report: a list of objects with the same fields as the CSV columns,
/// <c>[{ "period": "2019", "jurisdiction": "tan-canh", "indicator": "G4.1", "value": "108/100" }, ...]</c>.
/// Numbers keep their exact decimal text. System.Text.Json parses with the nesting bounded by
/// <see cref="ReportLimits.MaxDepth"/>; items, fields and text are bounded as they are read.
/// </summary>
public static class JsonTableReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = ReportLimits.MaxDepth,
    };

    /// <summary>Reads the JSON of <paramref name="file"/>.</summary>
    public static RawTable? Read(string file, ReadOnlySpan<byte> bytes, List<Problem> problems)
    {
        var (text, error) = TextDecoder.Decode(bytes);
        if (text is null)
        {
            problems.Add(new Problem(file, null, error!));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException exception)
        {
            problems.Add(new Problem(file, $"line {exception.LineNumber + 1}, column {exception.BytePositionInLine + 1}", $"the file is not valid JSON, or nests deeper than {ReportLimits.MaxDepth} levels"));
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new Problem(file, null, "a JSON report is a list of rows: [{ \"period\": ..., \"jurisdiction\": ..., \"indicator\": ..., \"value\": ... }]"));
                return null;
            }

            return ReadItems(file, document.RootElement, problems);
        }
    }

    private static RawTable? ReadItems(string file, JsonElement list, List<Problem> problems)
    {
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<(int Number, Dictionary<string, string> Fields)>();
        var number = 0;
        foreach (var item in list.EnumerateArray())
        {
            number++;
            if (number > ReportLimits.MaxRows)
            {
                problems.Add(new Problem(file, $"item {number}", $"the file has more than {ReportLimits.MaxRows} items; a report has one item per indicator"));
                return null;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new Problem(file, $"item {number}", "each row must be a JSON object"));
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in item.EnumerateObject())
            {
                var (name, text) = Read(property);
                if (name is null || text is null)
                {
                    problems.Add(new Problem(file, $"item {number}", "the item holds an escaped character that is not text (\\ufffe or a lone surrogate such as \\ud800)"));
                    return null;
                }

                if (text.Length > ReportLimits.MaxCellLength)
                {
                    problems.Add(new Problem(file, $"item {number}, field \"{name}\"", $"the field holds {text.Length} characters; a field may hold at most {ReportLimits.MaxCellLength}"));
                    return null;
                }

                if (!fields.TryAdd(name, text))
                {
                    problems.Add(new Problem(file, $"item {number}, field \"{name}\"", "the field appears twice in the item"));
                    continue;
                }

                if (known.Add(name))
                {
                    if (columns.Count == ReportLimits.MaxColumns)
                    {
                        problems.Add(new Problem(file, $"item {number}, field \"{name}\"", $"the items have more than {ReportLimits.MaxColumns} different fields; a report has 8"));
                        return null;
                    }

                    columns.Add(name);
                }
            }

            items.Add((number, fields));
        }

        var rows = items.Select(item => new RawRow(item.Number, columns.Select(column => item.Fields.GetValueOrDefault(column, "")).ToList())).ToList();
        return new RawTable(file, columns, rows, isSpreadsheet: false);
    }

    /// <summary>The field's name and text, or nulls when either holds an escaped lone surrogate.</summary>
    private static (string? Name, string? Text) Read(JsonProperty property)
    {
        try
        {
            return TextDecoder.Normalized(property.Name) is { } name ? (name, Text(property.Value)) : (null, null);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape "\ud800" alone into a string.
            return (null, null);
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TextDecoder.Normalized(value.GetString()!),
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
