using System.Text.Json;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Reports;

/// <summary>
/// Reads a JSON report: a list of objects with the same fields as the CSV columns,
/// <c>[{ "period": "2019", "jurisdiction": "tan-canh", "indicator": "G4.1", "value": "108/100" }, ...]</c>.
/// Numbers keep their exact decimal text.
/// </summary>
public static class JsonTableReader
{
    /// <summary>Reads the JSON of <paramref name="file"/>.</summary>
    public static RawTable? Read(string file, ReadOnlySpan<byte> bytes, List<Problem> problems)
    {
        var (text, error) = TextDecoder.Decode(bytes);
        if (text is null)
        {
            problems.Add(new Problem(file, null, error!));
            return null;
        }

        if (JsonText.TryParse(file, text, problems) is not { } document)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new Problem(file, null, "a JSON report is a list of rows: [{ \"period\": ..., \"jurisdiction\": ..., \"indicator\": ..., \"value\": ... }]"));
                return null;
            }

            var columns = new List<string>();
            var items = new List<(int Number, Dictionary<string, string> Fields)>();
            var number = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                number++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new Problem(file, $"item {number}", "each row must be a JSON object"));
                    continue;
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    if (!columns.Contains(property.Name))
                    {
                        columns.Add(property.Name);
                    }

                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!.Normalize(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    };
                }

                items.Add((number, fields));
            }

            var rows = items.Select(item => new RawRow(item.Number, columns.Select(column => item.Fields.GetValueOrDefault(column, "")).ToList())).ToList();
            return new RawTable(file, columns, rows, isSpreadsheet: false);
        }
    }
}
