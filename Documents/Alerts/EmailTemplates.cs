using GenderPlan.Core.Domain;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Alerts;

/// <summary>
/// The emails' Liquid templates (<c>Templates/{kind}.html.liquid</c> and <c>{kind}.txt.liquid</c>), parsed
/// once. The HTML part is rendered with an HTML encoder, so everything from a file is escaped; the text part
/// has its own template rendered without one, so it never holds markup or entities and needs no tag stripping.
/// </summary>
internal static class EmailTemplates
{
    private static readonly LiquidTemplates Templates = new(
        typeof(EmailTemplates),
        typeof(Letter), typeof(ReportEmail), typeof(DeadlineEmail), typeof(ReturnedEmail), typeof(ProvinceReportEmail), typeof(DiscrepancyEmail), typeof(RulesChangedEmail), typeof(VerdictLine), typeof(ProblemEmail), typeof(ScoreLine), typeof(LocalizedText), typeof(StatusPresentation), typeof(FollowUpEmail), typeof(CaseLine));

    /// <summary>The HTML and the plain-text part of an email of <paramref name="kind"/>.</summary>
    public static (string Html, string Text) Render(string kind, EmailModel model) =>
        (Templates.Render(kind + ".html", model, LiquidTemplates.Html), Templates.Render(kind + ".txt", model, LiquidTemplates.PlainText));
}
