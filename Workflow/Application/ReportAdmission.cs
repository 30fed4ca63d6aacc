using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Text;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Whether a unit's file is a report the product accepts: the same reader and the same checks for a file sent
/// from the upload page, which is answered at once, and for a file found in storage, which is scored. So the
/// page never says "received" to a file the workflow then refuses for its content or its sender.
/// </summary>
public static class ReportAdmission
{
    /// <summary>Reads <paramref name="content"/> as <paramref name="unit"/>'s report, or lists every problem with it.</summary>
    public static ReportReadResult Read(RuleBook rules, string unit, string fileName, byte[] content)
    {
        if (ReportReader.CheckSize(fileName, content.Length) is { } tooLarge)
        {
            return new ReportReadResult(null, [tooLarge]);
        }

        var read = ReportReader.Read(fileName, content, rules);
        if (read.Report is { } report && rules.FindUnit(unit) is { } sender && SenderProblems(rules, sender, report) is { Count: > 0 } wrongSender)
        {
            return new ReportReadResult(null, wrongSender);
        }

        return read.Report is null && rules.FindUnit(unit) is { } known
            ? read with { Problems = [.. read.Problems.Select(problem => ForSender(rules, known, problem))] }
            : read;
    }

    /// <summary>
    /// An unknown code answered with the codes this unit may send rather than all 28 of the plan: a department finds
    /// the two it leads, a commune its fifteen. Other problems are kept as they are.
    /// </summary>
    private static Problem ForSender(RuleBook rules, ResponsibleUnit sender, Problem problem)
    {
        if (problem.Code != Messages.IndicatorUnknown.Code || problem.Args.Count < 2 || rules.Plans.FirstOrDefault(plan => plan.Id == problem.Args[1]) is not { } plan)
        {
            return problem;
        }

        var codes = MayReport(plan, sender).Select(indicator => indicator.Code).ToList();
        return codes.Count == 0
            ? Messages.IndicatorUnknownNoneForUnit.At(problem.File, problem.Location, problem.Args[0], sender.Name.Vi, sender.Name.En)
            : Messages.IndicatorUnknownForUnit.At(problem.File, problem.Location, problem.Args[0], sender.Name.Vi, sender.Name.En, string.Join(", ", codes));
    }

    /// <summary>The indicators <paramref name="sender"/> may report under <paramref name="plan"/>, by the rules of <see cref="SenderProblems"/>.</summary>
    private static IEnumerable<Indicator> MayReport(Plan plan, ResponsibleUnit sender) =>
        sender.Group is not null ? []
        : plan.Coordinator == sender.Id ? plan.Indicators
        : sender.Level == UnitLevel.Commune ? plan.IndicatorsAt(UnitLevel.Commune)
        : plan.IndicatorsAt(UnitLevel.District).Where(indicator => indicator.Lead == sender.Id);

    /// <summary>
    /// Who may send what: a unit reports only the figures the plan makes it answer for, so no link can replace
    /// another unit's figure (and send "resolved" to its lead on the strength of it).
    /// <list type="bullet">
    /// <item>The plan's coordinator: anything, for the district or any commune (it consolidates and corrects).</item>
    /// <item>A commune committee: its own commune's figures only (commune-level indicators, which the reader checks).</item>
    /// <item>A department: the district's figures of the indicators it leads. Not those it coordinates: the lead's
    /// figure is the district's figure, the one the plan holds the lead to and that alerts and "resolved" go to the
    /// lead about; a coordinating unit gives its part of it to the lead, which reports the whole. Nor a commune's
    /// figures, which are its committee's.</item>
    /// <item>A group unit (<c>ubnd-xa</c>): nothing.</item>
    /// </list>
    /// A file counts as the unit whose folder it is in (the coordinator's page sends for a chosen unit into that
    /// unit's folder), so the same rule holds for the page and for storage, where the uploader is not known.
    /// Every refused row is named, and one refuses the whole file: nothing is stored from it.
    /// </summary>
    private static List<Problem> SenderProblems(RuleBook rules, ResponsibleUnit sender, Report report)
    {
        var place = report.Plan.NameOf(report.Jurisdiction);
        if (sender.Group is not null)
        {
            return [Messages.SenderIsGroup.At(report.File, null, sender.Id)];
        }

        if (report.Plan.Coordinator == sender.Id)
        {
            return [];
        }

        if (sender.Level == UnitLevel.Commune)
        {
            if (report.Plan.IsDistrict(report.Jurisdiction))
            {
                return [Messages.CommuneSendsDistrict.At(report.File, null, sender.Id, place)];
            }

            return sender.Jurisdiction is { } own && own != report.Jurisdiction
                ? [Messages.CommuneSendsOther.At(report.File, null, sender.Id, report.Plan.NameOf(own), place)]
                : [];
        }

        var problems = new List<Problem>();
        foreach (var value in report.Values)
        {
            var code = value.Indicator.Code;
            var at = value.Location ?? ProblemLocation.SheetRow(value.Row).WithIndicator(code);
            if (!report.Plan.IsDistrict(report.Jurisdiction))
            {
                var committee = rules.CommitteeOf(report.Jurisdiction)?.Name ?? new LocalizedText($"UBND {place}", $"the People's Committee of {place}");
                problems.Add(Messages.NotTheCommittee.At(report.File, at, code, place, committee.Vi, committee.En, sender.Name.Vi, sender.Name.En));
            }
            else if (value.Indicator.Lead != sender.Id)
            {
                var lead = rules.FindUnit(value.Indicator.Lead)?.Name ?? new LocalizedText(value.Indicator.Lead, value.Indicator.Lead);
                problems.Add(Messages.NotTheLead.At(report.File, at, code, lead.Vi, lead.En, sender.Name.Vi, sender.Name.En));
            }
        }

        return problems;
    }
}
