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
    private readonly RuleBook _rules;

    /// <summary>Writes tables to <paramref name="output"/> in <paramref name="language"/>, naming units and places from <paramref name="rules"/>.</summary>
    public ScoreTableWriter(TextWriter output, Language language, RuleBook rules)
    {
        _rules = rules;
        _output = output;
        _language = language;
    }

    // Names, not ids: whoever reads the table reads "Phòng Y tế", not "yte".
    private string UnitName(string id, bool vi) =>
        _rules.FindUnit(id) is { } unit ? unit.Name.In(vi ? Language.Vietnamese : Language.English) : id;

    private string Place(Scorecard card)
    {
        foreach (var plan in _rules.Plans)
        {
            if (plan.Id == card.PlanId)
            {
                foreach (var place in plan.Jurisdictions)
                {
                    if (place.Id == card.Jurisdiction)
                    {
                        return place.Name;
                    }
                }
            }
        }

        return card.Jurisdiction;
    }

    /// <summary>Writes one scored report.</summary>
    public void Write(Scorecard card)
    {
        var vi = _language == Language.Vietnamese;
        _output.WriteLine(vi
            ? $"{card.File}: {Place(card)}, {card.Period.Label.Vi} (quy tắc {card.RulesVersion})"
            : $"{card.File}: {Place(card)}, {card.Period.Label.En} (rules {card.RulesVersion})");
        string[] header = vi
            ? ["Chỉ tiêu", "Đánh giá", "Kết quả thực hiện", TargetHeading(card), "Tiến độ", "Chủ trì"]
            : ["Indicator", "Status", "Value", "Target", "Pace", "Lead"];
        // Plain loops rather than LINQ over tuples and ints: each such generic instantiation is JIT-compiled
        // when the command starts, which showed in genderplan score's start-up time.
        var rows = new List<string[]>(card.Scores.Count);
        foreach (var score in card.Scores)
        {
            rows.Add(
            [
                score.Indicator.Code,
                vi ? score.Status.Vietnamese() : score.Status.English(),
                score.Value is { } value ? ScoreExplainer.FormatValue(score.Indicator, value, _language) : "0/0",
                ScoreExplainer.FormatValue(score.Indicator, score.Milestone.Target, _language),
                score.ProgressRatio is { } ratio ? Number((decimal)Math.Round(ratio, 2)) : "",
                UnitName(score.Indicator.Lead, vi),
            ]);
        }

        var widths = new int[header.Length];
        for (var column = 0; column < header.Length; column++)
        {
            widths[column] = header[column].Length;
            foreach (var row in rows)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

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

    /// <summary>
    /// "Chỉ tiêu 2020" when every indicator's target in force (its milestone for the period) has the same year, as the
    /// plan's own tables head the column.
    /// </summary>
    private static string TargetHeading(Scorecard card)
    {
        int? year = null;
        foreach (var score in card.Scores)
        {
            if (year is not null && year != score.Milestone.Year)
            {
                return "Chỉ tiêu cần đạt";
            }

            year = score.Milestone.Year;
        }

        return year is null ? "Chỉ tiêu cần đạt" : $"Chỉ tiêu {year}";
    }

    private string Summary(Scorecard card)
    {
        var counts = new List<string>();
        foreach (var status in Enum.GetValues<Status>())
        {
            var count = 0;
            foreach (var score in card.Scores)
            {
                count += score.Status == status ? 1 : 0;
            }

            if (count > 0)
            {
                // ToLowerInvariant, not ToLower(CultureInfo.InvariantCulture): the same letters, without
                // opening ICU's collator (about 10 ms) to learn whether the culture cases ASCII normally.
                counts.Add($"{count} {(_language == Language.Vietnamese ? status.Vietnamese() : status.English()).ToLowerInvariant()}");
            }
        }

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
