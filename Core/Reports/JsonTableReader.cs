using System.Globalization;
using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads a JSON report: a list of objects with the same fields as the CSV columns,
/// <c>[{ "period": "2019", "jurisdiction": "tan-canh", "indicator": "G4.1", "value": "108/100" }, ...]</c>.
/// Numbers keep their exact decimal text (one with an exponent is written out in decimal). System.Text.Json
/// parses with the nesting bounded by <see cref="ReportLimits.MaxDepth"/>; items, fields and text are
/// bounded as they are read.
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
            problems.Add(error!.At(file, null));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException exception)
        {
            problems.Add(Messages.JsonReportInvalid.At(file, ProblemLocation.LineOf((exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1), ReportLimits.MaxDepth));
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(Messages.JsonNotAList.At(file, null));
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
                problems.Add(Messages.JsonTooManyItems.At(file, ProblemLocation.Item(number), ReportLimits.MaxRows));
                return null;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(Messages.JsonItemNotObject.At(file, ProblemLocation.Item(number)));
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in item.EnumerateObject())
            {
                var (name, text) = Read(property);
                if (name is null || text is null)
                {
                    problems.Add(Messages.JsonItemNotText.At(file, ProblemLocation.Item(number)));
                    return null;
                }

                if (text.Length > ReportLimits.MaxCellLength)
                {
                    problems.Add(Messages.JsonFieldTooLong.At(file, ProblemLocation.Item(number, name), text.Length, ReportLimits.MaxCellLength));
                    return null;
                }

                if (!fields.TryAdd(name, text))
                {
                    problems.Add(Messages.JsonFieldTwice.At(file, ProblemLocation.Item(number, name)));
                    continue;
                }

                if (known.Add(name))
                {
                    if (columns.Count == ReportLimits.MaxColumns)
                    {
                        problems.Add(Messages.JsonTooManyFields.At(file, ProblemLocation.Item(number, name), ReportLimits.MaxColumns));
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
        JsonValueKind.Number => Number(value),
        _ => value.GetRawText(),
    };

    /// <summary>
    /// A number's text as written, but for an exponent (<c>9.72e1</c> is 97.2 to JSON), worked out in
    /// decimal and written plainly without trailing zeros (so <c>1.000e2</c> is 100, not "100.000", a
    /// hundred thousand to a count). Past decimal's range (<c>1e400</c>) it stays as written, to be refused.
    /// </summary>
    private static string Number(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.AsSpan().IndexOfAny('e', 'E') < 0 || !value.TryGetDecimal(out var number))
        {
            return raw;
        }

        var plain = number.ToString(CultureInfo.InvariantCulture);
        return plain.Contains('.', StringComparison.Ordinal) ? plain.TrimEnd('0').TrimEnd('.') : plain;
    }
}
