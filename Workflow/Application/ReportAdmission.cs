using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

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
            return new Problem(report.File, null,
                $"{sender.Id} stands for all the commune People's Committees and sends no report itself: each committee uploads its own commune's report as reports/ubnd-<commune>/<file>",
                $"{sender.Id} là địa chỉ chung của UBND các xã, thị trấn, không tự gửi báo cáo: UBND từng xã, thị trấn gửi báo cáo của địa phương mình vào reports/ubnd-<xã>/<tệp>");
        }

        if (sender.Level == UnitLevel.Commune && report.Plan.IsDistrict(report.Jurisdiction))
        {
            return new Problem(report.File, null,
                $"{sender.Id} is a commune People's Committee: it reports for its commune, not for {place} as a whole; the district's report comes from the lead departments",
                $"{sender.Id} là UBND cấp xã: chỉ báo cáo cho xã, thị trấn của mình, không báo cáo cho {place}; báo cáo của huyện do các phòng, ban chủ trì gửi");
        }

        if (sender.Jurisdiction is { } own && own != report.Jurisdiction)
        {
            return new Problem(report.File, null,
                $"{sender.Id} answers for {report.Plan.NameOf(own)}, not for {place}: each commune's report comes from its own People's Committee",
                $"{sender.Id} chỉ báo cáo cho {report.Plan.NameOf(own)}, không báo cáo cho {place}: báo cáo của mỗi xã, thị trấn do UBND xã, thị trấn đó gửi");
        }

        return null;
    }
}
