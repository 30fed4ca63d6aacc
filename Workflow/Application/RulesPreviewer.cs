using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>A preview: the rules' own changes and what they would do to the verdicts standing now.</summary>
/// <param name="ActiveVersion">The version in force, or null when none is.</param>
/// <param name="ProposedVersion">The proposed version.</param>
/// <param name="Diff">The rules' changes, one readable line each.</param>
/// <param name="Result">The verdicts that would change and who would be told.</param>
public sealed record RulesPreviewReport(string? ActiveVersion, string ProposedVersion, IReadOnlyList<string> Diff, RulesPreviewResult Result);

/// <summary>
/// Reads what stands now (every latest result, every status alerted) and asks <see cref="RulesPreview"/> what
/// proposed rules would change. Reads only: a preview stores and sends nothing.
/// </summary>
public sealed class RulesPreviewer
{
    private readonly ActiveRules _activeRules;
    private readonly ResultStore _results;
    private readonly AlertStateStore _alertState;

    /// <summary>Creates the previewer.</summary>
    public RulesPreviewer(ActiveRules activeRules, ResultStore results, AlertStateStore alertState)
    {
        _activeRules = activeRules;
        _results = results;
        _alertState = alertState;
    }

    /// <summary>What <paramref name="proposed"/> would change, against the active rules and the stored results.</summary>
    public async Task<RulesPreviewReport> PreviewAsync(RuleBook proposed, CancellationToken cancellationToken)
    {
        var active = await _activeRules.GetAsync(cancellationToken);
        var figures = (await _results.AllLatestAsync(cancellationToken)).Select(Standing).ToList();
        var alerted = new Dictionary<(string Place, Period Period), IReadOnlyDictionary<string, Status>>();
        foreach (var (place, period) in figures.Select(figure => (figure.AddedUp ? CommuneRollUp.AlertPlaceOf(figure.Jurisdiction) : figure.Jurisdiction, figure.Period)).Distinct())
        {
            alerted[(place, period)] = await _alertState.GetAsync(place, period, cancellationToken);
        }

        var result = RulesPreview.Compare(proposed, figures, (place, period) => alerted.GetValueOrDefault((place, period)) ?? new Dictionary<string, Status>());
        return new RulesPreviewReport(active?.Version, proposed.Version, RulesDiff.Between(active, proposed), result);
    }

    /// <summary>A stored result as the figure it stands for.</summary>
    public static StandingFigure Standing(StoredResult result) => new(
        result.Indicator,
        result.Jurisdiction,
        Period.Parse(result.Period),
        result.Value is { } value ? new Measurement(MeasurementKind.Number, value, result.Counts) : Measurement.NotApplicable,
        result.Status,
        result.Source == FigureSource.Communes);
}
