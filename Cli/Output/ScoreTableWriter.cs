using System.Globalization;
using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;

namespace GenderPlan.Cli.Output;

/// <summary>The readable table <c>score</c> prints by default, with each result's explanation under it.</summary>
public sealed class ScoreTableWriter
{
    private readonly TextWriter _output;
    private readonly Language _language;

    /// <summary>Writes tables to <paramref name="output"/> in <paramref name="language"/>.</summary>
    public ScoreTableWriter(TextWriter output, Language language)
    {
        _output = output;
        _language = language;
    }

    /// <summary>Writes one scored report.</summary>
    public void Write(Scorecard card)
    {
        var vi = _language == Language.Vietnamese;
        _output.WriteLine(vi
            ? $"{card.File}: {card.Jurisdiction}, kỳ {card.Period} (quy tắc {card.RulesVersion})"
            : $"{card.File}: {card.Jurisdiction}, period {card.Period} (rules {card.RulesVersion})");
        string[] header = vi
            ? ["Chỉ tiêu", "Tình trạng", "Giá trị", "Mục tiêu", "Tiến độ", "Chủ trì"]
            : ["Indicator", "Status", "Value", "Target", "Pace", "Lead"];
        var rows = card.Scores.Select(score => new[]
        {
            score.Indicator.Code,
            vi ? score.Status.Vietnamese() : score.Status.English(),
            score.Value is { } value ? ScoreExplainer.FormatValue(score.Indicator, value, _language) : "0/0",
            ScoreExplainer.FormatValue(score.Indicator, score.Indicator.Target, _language),
            score.ProgressRatio is { } ratio ? Number((decimal)Math.Round(ratio, 2)) : "",
            score.Indicator.Lead,
        }).ToList();
        var widths = Enumerable.Range(0, header.Length)
            .Select(column => rows.Select(row => row[column].Length).Append(header[column].Length).Max())
            .ToArray();
        _output.WriteLine(Line(header, widths));
        _output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
        for (var index = 0; index < rows.Count; index++)
        {
            _output.WriteLine(Line(rows[index], widths));
            _output.WriteLine("    " + ScoreExplainer.Explain(card.Scores[index]).In(_language));
        }

        _output.WriteLine(Summary(card));
        _output.WriteLine();
    }

    private string Summary(Scorecard card)
    {
        var counts = Enum.GetValues<Status>()
            .Select(status => (status, count: card.Scores.Count(score => score.Status == status)))
            .Where(pair => pair.count > 0)
            .Select(pair => $"{pair.count} {(_language == Language.Vietnamese ? pair.status.Vietnamese() : pair.status.English()).ToLower(CultureInfo.InvariantCulture)}");
        var total = _language == Language.Vietnamese ? $"{card.Scores.Count} chỉ tiêu" : $"{card.Scores.Count} indicators";
        return $"{total}: {string.Join(", ", counts)}";
    }

    private string Number(decimal value) =>
        _language == Language.Vietnamese ? VietnameseNumber.Format(value) : VietnameseNumber.FormatEnglish(value);

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var builder = new StringBuilder();
        for (var column = 0; column < cells.Count; column++)
        {
            builder.Append(cells[column].PadRight(widths[column]));
            if (column < cells.Count - 1)
            {
                builder.Append("  ");
            }
        }

        return builder.ToString().TrimEnd();
    }
}
