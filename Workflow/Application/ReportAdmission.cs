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
        if (read.Report is { } report && rules.FindUnit(unit) is { } sender && SenderProblem(sender, report) is { } wrongSender)
        {
            return new ReportReadResult(null, [wrongSender]);
        }

        return read;
    }

    /// <summary>
    /// A commune committee reports for its own commune only, never for the district as a whole nor for another
    /// commune; a group unit (<c>ubnd-xa</c>) is a list address and sends no report of its own.
    /// </summary>
    private static Problem? SenderProblem(ResponsibleUnit sender, Report report)
    {
        var place = report.Plan.NameOf(report.Jurisdiction);
        if (sender.Group is not null)
        {
            return Messages.SenderIsGroup.At(report.File, null, sender.Id);
        }

        if (sender.Level == UnitLevel.Commune && report.Plan.IsDistrict(report.Jurisdiction))
        {
            return Messages.CommuneSendsDistrict.At(report.File, null, sender.Id, place);
        }

        if (sender.Jurisdiction is { } own && own != report.Jurisdiction)
        {
            return Messages.CommuneSendsOther.At(report.File, null, sender.Id, report.Plan.NameOf(own), place);
        }

        return null;
    }
}
