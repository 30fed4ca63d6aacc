using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Workflow.Handlers;

/// <summary>
/// Whether a unit's file is a report the product accepts: the same reader and the same checks for a file sent
/// from the upload page, which is answered at once, and for a file found in storage, which is scored. So the
/// page never says "received" to a file the workflow then refuses for its content.
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
        if (read.Report is { } report && rules.FindUnit(unit) is { Level: UnitLevel.Commune } && report.Plan.IsDistrict(report.Jurisdiction))
        {
            var commune = new Problem(
                fileName,
                null,
                $"{unit} is a commune People's Committee: it reports for its commune, not for {report.Plan.District.Name} as a whole; the district's report comes from the lead departments",
                $"{unit} là Ủy ban nhân dân cấp xã: chỉ báo cáo số liệu của xã, thị trấn mình, không báo cáo cho toàn {report.Plan.District.Name}; báo cáo của huyện do các phòng, ban chủ trì gửi");
            return new ReportReadResult(null, [commune]);
        }

        return read;
    }
}
