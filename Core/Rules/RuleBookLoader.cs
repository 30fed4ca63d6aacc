using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.Rules;

/// <summary>The outcome of loading rules: a usable <see cref="RuleBook"/>, or every problem found.</summary>
/// <param name="RuleBook">The rules, when there was no problem; never a partly valid set.</param>
/// <param name="Problems">Every problem, each naming its file and rule.</param>
public sealed record RulesLoadResult(RuleBook? RuleBook, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether the rules can be used.</summary>
    public bool IsValid => RuleBook is not null;
}

/// <summary>
/// Loads, validates and compiles all rules files together. Either everything is valid and a new
/// <see cref="RuleBook"/> comes out, or nothing does: a broken upload never half-replaces working rules.
/// </summary>
public static class RuleBookLoader
{
    /// <summary>Loads the rules files of a folder (<c>units.json</c> and <c>*.workflow.json</c>).</summary>
    public static RulesLoadResult LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new RulesLoadResult(null, [Messages.RulesInvalid.At(directory, null, "the rules folder does not exist")]);
        }

        return Load(RuleSource.FromDirectory(directory));
    }

    /// <summary>Loads rules from files already in memory (a folder, a blob container).</summary>
    public static RulesLoadResult Load(IReadOnlyCollection<RuleSource> sources)
    {
        var problems = new List<Problem>();
        var unitsSources = sources.Where(source => source.IsUnits).ToList();
        var workflowSources = sources.Where(source => source.IsWorkflow).OrderBy(source => source.Name, StringComparer.Ordinal).ToList();
        if (unitsSources.Count != 1)
        {
            problems.Add(Messages.RulesInvalid.At(RuleSource.UnitsFileName, null, unitsSources.Count == 0 ? "the units file is missing" : "there is more than one units file"));
        }

        if (workflowSources.Count == 0)
        {
            problems.Add(Messages.RulesInvalid.At("rules", null, $"no plan: add a file ending in {RuleSource.WorkflowSuffix}"));
        }

        var places = new List<Jurisdiction>();
        foreach (var source in sources.Where(source => source.IsPlaces).OrderBy(source => source.Name, StringComparer.Ordinal))
        {
            foreach (var place in PlacesFileReader.Read(source, problems) ?? [])
            {
                if (places.Any(existing => existing.Id == place.Id))
                {
                    problems.Add(Messages.RulesInvalid.At(source.Name, ProblemLocation.At($"place {place.Id}.id"), $"'{place.Id}' is listed by another places file too"));
                }

                places.Add(place);
            }
        }

        var history = new PlaceTree(places);
        var units = unitsSources.Count == 1 ? UnitsReader.Read(unitsSources[0], problems) : null;
        var unitIds = units?.Select(unit => unit.Id).ToHashSet(StringComparer.Ordinal);
        var plans = new List<Plan>();
        foreach (var source in workflowSources)
        {
            var version = Hash([source, .. unitsSources]);
            if (WorkflowReader.Read(source, unitIds, problems, version) is { } plan)
            {
                if (plans.FirstOrDefault(existing => existing.Id == plan.Id) is not null)
                {
                    problems.Add(Messages.RulesInvalid.At(source.Name, ProblemLocation.At("workflow.WorkflowName"), $"plan '{plan.Id}' is defined by two files"));
                }

                CheckOverlap(plans, plan, source.Name, problems);
                plans.Add(plan);
            }
        }

        if (units is not null && plans.Count > 0)
        {
            CheckCommunes(units, plans, history, problems);
        }

        if (problems.Count > 0 || units is null)
        {
            return new RulesLoadResult(null, problems);
        }

        var placesSources = sources.Where(source => source.IsPlaces);
        var book = new RuleBook(plans.OrderBy(plan => plan.StartYear).ToList(), units, Hash([.. unitsSources, .. workflowSources, .. placesSources]), history);
        return new RulesLoadResult(book, []);
    }

    /// <summary>
    /// Each commune committee answers for a commune of some plan or places file (a commune's own plan included), never for a
    /// district as a whole, and no
    /// two committees claim the same commune: reminders, alerts and the roll-up rely on one committee per commune. A
    /// committee created by a reform (<c>from</c>) may be listed before any plan lists its place, and owes nothing until
    /// one does; its place is checked against the places files when the rules have any, and accepted unchecked when a
    /// set has none (a units file tried with one plan alone).
    /// </summary>
    private static void CheckCommunes(IReadOnlyList<ResponsibleUnit> units, IReadOnlyList<Plan> plans, PlaceTree history, List<Problem> problems)
    {
        foreach (var unit in units.Where(unit => unit.Jurisdiction is not null))
        {
            var place = unit.Jurisdiction!;
            // A commune's own plan (after 2025, the commune is the plan's place) is answered for by the commune's committee.
            if (plans.Any(plan => plan.IsDistrict(place) && plan.District.Level != PlaceLevels.Commune))
            {
                problems.Add(Messages.RulesInvalid.At(RuleSource.UnitsFileName, ProblemLocation.At($"unit {unit.Id}.jurisdiction"), $"'{place}' is a district; a commune People's Committee answers for a commune or town"));
            }
            else if (!plans.Any(plan => plan.HasJurisdiction(place)) && history.Find(place) is not { Parent: not null } && !(unit.From is not null && history.Places.Count == 0))
            {
                var known = string.Join(", ", plans.SelectMany(plan => plan.Jurisdictions).Concat(history.Places.Where(candidate => candidate.Parent is not null))
                    .Where(candidate => !plans.Any(plan => plan.IsDistrict(candidate.Id))).Select(candidate => candidate.Id).Distinct());
                problems.Add(Messages.RulesInvalid.At(RuleSource.UnitsFileName, ProblemLocation.At($"unit {unit.Id}.jurisdiction"), $"'{place}' is not a commune or town of any plan; use one of {known}"));
            }
            else if (units.FirstOrDefault(other => other.Jurisdiction == place) is { } first && first.Id != unit.Id)
            {
                problems.Add(Messages.RulesInvalid.At(RuleSource.UnitsFileName, ProblemLocation.At($"unit {unit.Id}.jurisdiction"), $"'{place}' already has its committee {first.Id}; one committee answers for a commune"));
            }
        }
    }

    private static void CheckOverlap(IEnumerable<Plan> earlier, Plan plan, string file, List<Problem> problems)
    {
        foreach (var other in earlier)
        {
            var yearsOverlap = plan.StartYear <= other.EndYear && other.StartYear <= plan.EndYear;
            var shared = plan.Jurisdictions.Select(place => place.Id).Intersect(other.Jurisdictions.Select(place => place.Id)).ToList();
            if (yearsOverlap && shared.Count > 0)
            {
                problems.Add(Messages.RulesInvalid.At(file, ProblemLocation.At("workflow.Plan"), $"plan '{plan.Id}' and plan '{other.Id}' both cover {string.Join(", ", shared)} in overlapping years; a report could not tell which plan scores it"));
            }
        }
    }

    /// <summary>
    /// A short content hash: the same files always give the same version, whatever their dates. XxHash128
    /// (a label, not a security boundary) is managed code: the platform's SHA-256 on Linux is OpenSSL's, whose
    /// loading cost about a tenth of every <c>genderplan score</c>.
    /// </summary>
    private static string Hash(IEnumerable<RuleSource> sources)
    {
        var hash = new System.IO.Hashing.XxHash128();
        foreach (var source in sources.OrderBy(source => source.Name, StringComparer.Ordinal))
        {
            hash.Append(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(source.Name) + "\n"));
            hash.Append(source.Content.Span);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash())[..12];
    }
}
