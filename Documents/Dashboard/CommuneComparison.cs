using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// The district page's comparison of communes, so the People's Committee sees where to act: communes as rows,
/// the commune-level indicators as columns, each cell the status word and symbol of the commune's latest result
/// for the period (never colour alone), or "not reported".
/// </summary>
internal sealed record CommuneComparison(LocalizedText Period, IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>The table for the district's page, or null on a commune's page or when the plan has no commune-level indicator.</summary>
    public static CommuneComparison? From(DashboardInput input, Period? current)
    {
        var plan = input.Plan;
        var indicators = plan.IndicatorsAt(UnitLevel.Commune).ToList();
        if (!plan.IsDistrict(input.Jurisdiction) || indicators.Count == 0 || input.CommuneResults is not { } byCommune)
        {
            return null;
        }

        // The district's period when it has results, else the latest any commune reported for.
        var period = current ?? byCommune.Values.SelectMany(results => results).Select(result => (Period?)result.Period).Max();
        if (period is not { } shown)
        {
            return null;
        }

        var links = input.OtherPages.ToDictionary(page => page.Jurisdiction, page => page.File, StringComparer.Ordinal);
        var rows = plan.Communes.Select(commune =>
        {
            var results = byCommune.GetValueOrDefault(commune.Id) ?? [];
            return new ComparisonRow(commune.Id, commune.Name, links.GetValueOrDefault(commune.Id), [.. indicators.Select(indicator =>
            {
                var result = results.LastOrDefault(candidate => candidate.Period == shown && string.Equals(candidate.Indicator, indicator.Code, StringComparison.OrdinalIgnoreCase));
                return new ComparisonCell(indicator.Code, result is null ? null : StatusPresentation.Of(result.Status), result?.Value is { } value ? ValueText.Of(indicator, value) : null);
            })]);
        }).ToList();
        return new CommuneComparison(shown.Label, [.. indicators.Select(indicator => new ComparisonColumn(indicator.Code, indicator.Name))], rows);
    }
}

/// <summary>An indicator's column: its name as the heading (people read names, not codes), its code to find it by.</summary>
internal sealed record ComparisonColumn(string Code, LocalizedText Name);

/// <summary>A commune's row, with the link to its own page where there is one.</summary>
internal sealed record ComparisonRow(string Id, string Name, string? Link, IReadOnlyList<ComparisonCell> Cells);

/// <summary>A commune's status on one indicator and its value as officials write it; no status means not reported for the period.</summary>
internal sealed record ComparisonCell(string Code, StatusPresentation? Status, LocalizedText? Value = null);
