using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Rules;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>One activation of a rules version, with what it changed against the version active before it.</summary>
/// <param name="Version">The version.</param>
/// <param name="ActivatedAt">When it became active.</param>
/// <param name="Author">Who made it active (the uploader, the link's unit, or the rollback's author), where known.</param>
/// <param name="Files">Its files.</param>
/// <param name="Diff">What it changed, one readable line each.</param>
/// <param name="Active">Whether it is the version in force.</param>
public sealed record RulesHistoryEntry(string Version, DateTimeOffset ActivatedAt, string? Author, IReadOnlyList<string> Files, IReadOnlyList<string> Diff, bool Active);

/// <summary>How a rollback ended.</summary>
/// <param name="Version">The full version asked for, when it was found.</param>
/// <param name="Outcome">What happened: activated again, already active, or null when no version matched.</param>
/// <param name="Problem">Why not, in words, when it did not happen.</param>
public sealed record RollbackResult(string? Version, RulesOutcome? Outcome, string? Problem);

/// <summary>
/// The rules' history and the way back: every version that was active, newest first, each with its diff against
/// the one before it; and a rollback that makes an earlier version active again through the same path as any
/// upload (its files back in the <c>rules</c> container, validated, activated as a new history entry), so the
/// history never loses anything and the verdicts are scored again with it.
/// </summary>
public sealed class RulesHistory
{
    private readonly ActiveRules _activeRules;
    private readonly RuleSetStore _files;
    private readonly RulesIntake _intake;

    /// <summary>Creates the history.</summary>
    public RulesHistory(ActiveRules activeRules, RuleSetStore files, RulesIntake intake)
    {
        _activeRules = activeRules;
        _files = files;
        _intake = intake;
    }

    /// <summary>Every activation, newest first, with its diff against the activation before it.</summary>
    public async Task<IReadOnlyList<RulesHistoryEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var activations = await _activeRules.HistoryAsync(cancellationToken);
        var active = await _activeRules.GetActiveInfoAsync(cancellationToken);
        var books = new Dictionary<string, RuleBook?>(StringComparer.Ordinal);
        foreach (var version in activations.Select(entry => entry.Version).Distinct())
        {
            books[version] = RuleBookLoader.Load(await _files.ReadSnapshotAsync(version, cancellationToken)).RuleBook;
        }

        var entries = new List<RulesHistoryEntry>();
        for (var index = 0; index < activations.Count; index++)
        {
            var entry = activations[index];
            var before = index + 1 < activations.Count ? books[activations[index + 1].Version] : null;
            var diff = books[entry.Version] is { } book ? RulesDiff.Between(before, book) : ["(không đọc lại được bản lưu của phiên bản này)"];
            entries.Add(new RulesHistoryEntry(entry.Version, entry.ActivatedAt, entry.Uploader, entry.Files, diff, index == 0 && active?.Version == entry.Version));
        }

        return entries;
    }

    /// <summary>Makes the version starting with <paramref name="version"/> (at least 6 characters) active again, recording <paramref name="author"/>.</summary>
    public async Task<RollbackResult> RollbackAsync(string version, string? author, CancellationToken cancellationToken)
    {
        var matches = (await _activeRules.HistoryAsync(cancellationToken)).Select(entry => entry.Version).Distinct()
            .Where(known => version.Length >= 6 && known.StartsWith(version, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            return new RollbackResult(null, null, matches.Count == 0
                ? $"no version that was ever active starts with '{version}' (give at least 6 characters; 'genderplan rules history' lists them)"
                : $"'{version}' matches {matches.Count} versions; give more characters");
        }

        var found = matches[0];
        var active = (await _activeRules.GetActiveInfoAsync(cancellationToken))?.Version;
        if (active == found)
        {
            return new RollbackResult(found, RulesOutcome.Unchanged, null);
        }

        // Made from the version in force now: a change (or another rollback) that lands first is reported, not overwritten.
        var change = await _intake.ChangeAsync(await _files.ReadSnapshotAsync(found, cancellationToken), active ?? "", author ?? "rollback", cancellationToken);
        return change.Conflict
            ? new RollbackResult(change.Version, null, $"the rules changed while rolling back: {change.Version ?? "none"} is in force now; nothing was rolled back, run the rollback again if still wanted")
            : new RollbackResult(found, change.Outcome, change.Problems.Count == 0 ? null : string.Join("; ", change.Problems));
    }
}
