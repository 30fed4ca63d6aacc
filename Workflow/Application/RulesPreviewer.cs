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
        var figures = (await StandingAsync(active, proposed, cancellationToken)).Select(Standing).ToList();
        var alerted = new Dictionary<(string Place, Period Period), IReadOnlyDictionary<string, Status>>();
        foreach (var (place, period) in figures.Select(figure => (figure.AddedUp ? CommuneRollUp.AlertPlaceOf(figure.Jurisdiction) : figure.Jurisdiction, figure.Period)).Distinct())
        {
            alerted[(place, period)] = await _alertState.GetAsync(place, period, cancellationToken);
        }

        var result = RulesPreview.Compare(proposed, figures, (place, period) => alerted.GetValueOrDefault((place, period)) ?? new Dictionary<string, Status>());
        return new RulesPreviewReport(active?.Version, proposed.Version, RulesDiff.Between(active, proposed), result);
    }

    /// <summary>
    /// The stored results a change can move: those of every place of a plan whose version changes or that is gone, and of
    /// the former places their carried baselines come from; the re-scoring touches no other (<see cref="RulesRescoring"/>).
    /// A province's change so reads that province, not the country. Every result is read when there are no active rules
    /// or every plan changes.
    /// </summary>
    private async Task<IReadOnlyList<StoredResult>> StandingAsync(RuleBook? active, RuleBook proposed, CancellationToken cancellationToken)
    {
        var changed = proposed.Plans.Where(plan => active?.Plans.FirstOrDefault(before => before.Id == plan.Id)?.Version != plan.Version).ToList();
        var gone = active?.Plans.Where(before => proposed.Plans.All(plan => plan.Id != before.Id)).ToList() ?? [];
        if (active is null || changed.Count + gone.Count >= proposed.Plans.Count)
        {
            return await _results.AllLatestAsync(cancellationToken);
        }

        var places = changed.Concat(gone).SelectMany(plan => plan.Places.Places.Select(place => place.Id))
            .Concat(changed.SelectMany(plan => plan.Places.Places.SelectMany(place =>
                CarriedBaselines.SourceFor(proposed, plan, place.Id)?.FormerPlaces.Select(former => former.Id) ?? [])))
            .Distinct(StringComparer.Ordinal);
        var reads = await Task.WhenAll(places.Select(place => _results.LatestForPlaceAsync(place, cancellationToken)));
        return [.. reads.SelectMany(results => results)];
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
