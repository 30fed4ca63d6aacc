using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Reads what a merged place is measured from: its former places' stored figures of the plan's baseline year, added up into
/// its baselines (<see cref="CarriedBaselines"/>). The former places' results are read as they stand and never rewritten.
/// Nothing is read for a place that existed in the baseline year, or whose plan carries nothing.
/// </summary>
public sealed class FormerPlacesBaselines
{
    private static readonly IReadOnlyDictionary<string, CarriedOver> None = new Dictionary<string, CarriedOver>();
    private readonly ResultStore _results;

    /// <summary>Creates the reader.</summary>
    public FormerPlacesBaselines(ResultStore results) => _results = results;

    /// <summary>The carried baselines of <paramref name="place"/> under <paramref name="plan"/>, by indicator code; empty when none.</summary>
    public async Task<IReadOnlyDictionary<string, CarriedOver>> ForAsync(RuleBook rules, Plan plan, string place, CancellationToken cancellationToken)
    {
        if (CarriedBaselines.SourceFor(rules, plan, place) is not { } source)
        {
            return None;
        }

        // One partition per former place, read side by side.
        var reads = await Task.WhenAll(source.FormerPlaces.Select(former => _results.LatestAsync(former.Id, source.Period.ToString(), cancellationToken)));
        var figures = reads.SelectMany(results => results)
            .Where(result => result.Source == FigureSource.Reported)
            .Select(result => new CommuneFigure(result.Jurisdiction, result.Indicator, result.Value, result.Counts))
            .ToList();
        return CarriedBaselines.Compute(rules, plan, place, figures);
    }
}
