using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Dashboard;

/// <summary>
/// The scorecard page: one self-contained HTML file (styles, script and charts inline; no external
/// script, font or CDN) that opens from a file or from storage, Vietnamese first with an English switch,
/// readable on a phone. Status is always a word and a symbol as well as a colour.
/// </summary>
public static class DashboardRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Status[] SummaryStatuses = [Status.Met, Status.OnTrack, Status.FallingBehind, Status.OffTrack];

    /// <summary>Renders the page.</summary>
    public static string Render(DashboardInput input)
    {
        var plan = input.Plan;
        var place = plan.Jurisdictions.FirstOrDefault(jurisdiction => jurisdiction.Id == input.Jurisdiction)?.Name ?? input.Jurisdiction;
        var history = input.Results
            .GroupBy(result => result.Indicator, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.GroupBy(result => result.Period).Select(period => period.Last()).OrderBy(result => result.Period).ToList(), StringComparer.OrdinalIgnoreCase);
        Period? current = input.Results.Count == 0 ? null : input.Results.Max(result => result.Period);
        var latest = current is { } now
            ? plan.Indicators.ToDictionary(indicator => indicator.Code, indicator => history.GetValueOrDefault(indicator.Code)?.LastOrDefault(result => result.Period == now))
            : plan.Indicators.ToDictionary(indicator => indicator.Code, _ => (DashboardResult?)null);

        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\" data-lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode($"Bình đẳng giới – {place}")}</title>\n<style>{Styles}</style>\n</head>\n<body>\n");
        Header(html, input, place, current);
        html.Append("<main>\n");
        GoalSummary(html, input, latest, current);
        Indicators(html, input, history, latest, current);
        Reporting(html, input);
        html.Append("</main>\n<footer><p>GenderPlan · ")
            .Append(Both($"Cập nhật {input.GeneratedAt.ToOffset(ReportingCalendar.VietnamOffset):dd/MM/yyyy HH:mm} (giờ Việt Nam)", $"Updated {input.GeneratedAt.ToOffset(ReportingCalendar.VietnamOffset):yyyy-MM-dd HH:mm} (Vietnam time)"))
            .Append("</p></footer>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, DashboardInput input, string place, Period? current)
    {
        html.Append("<header>\n<div class=\"bar\"><p class=\"plan\">")
            .Append(Both(input.Plan.Name.Vi, input.Plan.Name.En))
            .Append("</p><button id=\"lang\" type=\"button\" aria-pressed=\"false\">")
            .Append("<span lang=\"vi\">English</span><span lang=\"en\">Tiếng Việt</span></button></div>\n<h1>")
            .Append(Both($"Tiến độ thực hiện – {place}", $"Progress – {place}"))
            .Append("</h1>\n<p class=\"as-of\">")
            .Append(current is { } period
                ? Both($"Số liệu kỳ {period} · bộ quy tắc {input.Plan.Version}", $"Figures for period {period} · rules {input.Plan.Version}")
                : Both("Chưa có báo cáo nào được chấm điểm.", "No report has been scored yet."))
            .Append("</p>\n");
        if (input.OtherPages.Count > 0)
        {
            html.Append("<nav aria-label=\"Địa bàn / Places\"><ul>");
            foreach (var (jurisdiction, file) in input.OtherPages)
            {
                var name = input.Plan.Jurisdictions.FirstOrDefault(candidate => candidate.Id == jurisdiction)?.Name ?? jurisdiction;
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(file)}\">{Encode(name)}</a></li>");
            }

            html.Append("</ul></nav>\n");
        }

        html.Append("</header>\n");
    }

    private static void GoalSummary(StringBuilder html, DashboardInput input, Dictionary<string, DashboardResult?> latest, Period? current)
    {
        html.Append("<section aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">")
            .Append(Both("Tóm tắt theo mục tiêu", "Summary by goal"))
            .Append("</h2>\n<div class=\"scroll\"><table class=\"goals\" id=\"goal-summary\">\n<caption>")
            .Append(current is { } period
                ? Both($"Số chỉ tiêu theo tình trạng, kỳ {period}", $"Indicators by status, period {period}")
                : Both("Số chỉ tiêu theo tình trạng", "Indicators by status"))
            .Append("</caption>\n<thead><tr><th scope=\"col\">").Append(Both("Mục tiêu", "Goal")).Append("</th>");
        foreach (var status in SummaryStatuses)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"s-{status.Word()}\">{Icon(status)} {Both(status.Vietnamese(), status.English())}</th>");
        }

        html.Append("<th scope=\"col\">").Append(Both("Chưa báo cáo", "Not reported")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var goal in Goals(input.Plan))
        {
            var indicators = input.Plan.Indicators.Where(indicator => indicator.Goal == goal.Number).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<tr data-goal=\"{goal.Number}\"><th scope=\"row\"><a href=\"#goal-{goal.Number}\">")
                .Append(Both($"Mục tiêu {goal.Number}: {goal.Name.Vi}", $"Goal {goal.Number}: {goal.Name.En}"))
                .Append("</a></th>");
            foreach (var status in SummaryStatuses)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td data-status=\"{status.Word()}\">{indicators.Count(indicator => latest[indicator.Code]?.Status == status)}</td>");
            }

            var notReported = indicators.Count(indicator => latest[indicator.Code] is null || latest[indicator.Code]!.Status == Status.NotApplicable);
            html.Append(CultureInfo.InvariantCulture, $"<td data-status=\"not-reported\">{notReported}</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n<p class=\"note\">")
            .Append(Both("“Chưa báo cáo” gồm cả chỉ tiêu không áp dụng (0/0) trong kỳ.", "“Not reported” includes indicators not applicable (0/0) in the period."))
            .Append("</p>\n</section>\n");
    }

    private static void Indicators(StringBuilder html, DashboardInput input, Dictionary<string, List<DashboardResult>> history, Dictionary<string, DashboardResult?> latest, Period? current)
    {
        html.Append("<section aria-labelledby=\"indicators-title\">\n<h2 id=\"indicators-title\">").Append(Both("Các chỉ tiêu", "Indicators")).Append("</h2>\n");
        foreach (var goal in Goals(input.Plan))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"goal-{goal.Number}\">")
                .Append(Both($"Mục tiêu {goal.Number}: {goal.Name.Vi}", $"Goal {goal.Number}: {goal.Name.En}"))
                .Append("</h3>\n<div class=\"cards\">\n");
            foreach (var indicator in input.Plan.Indicators.Where(indicator => indicator.Goal == goal.Number))
            {
                Card(html, input, indicator, history.GetValueOrDefault(indicator.Code) ?? [], latest[indicator.Code], current);
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, DashboardInput input, Indicator indicator, List<DashboardResult> history, DashboardResult? result, Period? current)
    {
        var status = result?.Status;
        var lead = input.Rules.FindUnit(indicator.Lead);
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"indicator\" id=\"{Encode(indicator.Code)}\" data-indicator=\"{Encode(indicator.Code)}\" data-status=\"{status?.Word() ?? "not-reported"}\">\n<h4><span class=\"code\">{Encode(indicator.Code)}</span> ")
            .Append(Both(indicator.Name.Vi, indicator.Name.En))
            .Append("</h4>\n<dl>")
            .Append("<div><dt>").Append(Both("Giá trị", "Value")).Append("</dt><dd>")
            .Append(result?.Value is { } value ? Both(ScoreExplainer.FormatValue(indicator, value, Language.Vietnamese), ScoreExplainer.FormatValue(indicator, value, Language.English)) : result is null ? Both("chưa báo cáo", "not reported") : "0/0")
            .Append("</dd></div><div><dt>").Append(Both("Mục tiêu", "Target")).Append("</dt><dd>")
            .Append(Both(ScoreExplainer.FormatValue(indicator, indicator.Target, Language.Vietnamese), ScoreExplainer.FormatValue(indicator, indicator.Target, Language.English)))
            .Append(CultureInfo.InvariantCulture, $" ({indicator.Definition.TargetYear})</dd></div><div><dt>").Append(Both("Tình trạng", "Status")).Append("</dt>")
            .Append(status is { } known
                ? $"<dd class=\"status s-{known.Word()}\">{Icon(known)} {Both(known.Vietnamese(), known.English())}</dd>"
                : $"<dd class=\"status s-not-reported\">{Icon(Status.NotApplicable)} {Both(current is null ? "chưa báo cáo" : $"chưa báo cáo kỳ {current}", current is null ? "not reported" : $"not reported for {current}")}</dd>")
            .Append("</div><div><dt>").Append(Both("Chủ trì", "Lead")).Append("</dt><dd>")
            .Append(Both(lead?.Name ?? indicator.Lead, lead?.NameEn ?? lead?.Name ?? indicator.Lead))
            .Append("</dd></div></dl>\n");
        if (result is not null)
        {
            html.Append("<p class=\"explanation\">").Append(Both(result.Explanation.Vi, result.Explanation.En)).Append("</p>\n");
        }

        html.Append("<figure>").Append(ProgressChart.Render(indicator, history, Encode)).Append("<figcaption>")
            .Append(Both("Chấm tròn: giá trị đã báo cáo theo kỳ; đường liền: lộ trình cần đạt từ năm cơ sở; đường nét đứt: mục tiêu.",
                "Dots: values reported by period; solid line: the required path from the baseline; dashed line: the target."))
            .Append("</figcaption></figure>\n</article>\n");
    }

    private static void Reporting(StringBuilder html, DashboardInput input)
    {
        var plan = input.Plan;
        var periods = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1)
            .SelectMany(year => new[] { Period.FirstHalf(year), Period.Annual(year) })
            .Where(period => ReportingCalendar.Deadline(period) <= input.Today || input.Reports.Any(report => report.Period == period))
            .ToList();
        html.Append("<section aria-labelledby=\"reporting-title\">\n<h2 id=\"reporting-title\">").Append(Both("Tình hình gửi báo cáo", "Reporting")).Append("</h2>\n");
        if (periods.Count == 0)
        {
            html.Append("<p>").Append(Both("Chưa đến hạn báo cáo nào.", "No report is due yet.")).Append("</p>\n</section>\n");
            return;
        }

        // The district report is owed by the plan's lead units; who owes a commune's report is not in the
        // rules, so a commune's page lists the units that did send one and claims nobody is missing.
        var owing = input.Jurisdiction == plan.Jurisdictions[0].Id ? plan.Indicators.Select(indicator => indicator.Lead) : [];
        var units = owing
            .Concat(input.Reports.Select(report => report.Unit).OfType<string>())
            .Distinct()
            .ToList();
        html.Append("<div class=\"scroll\"><table class=\"reporting\" id=\"reporting\">\n<caption>")
            .Append(Both("✔ đúng hạn · ⚠ trễ hạn · ✖ chưa gửi (đã quá hạn) · … chưa đến hạn", "✔ on time · ⚠ late · ✖ missing (past the deadline) · … not due yet"))
            .Append("</caption>\n<thead><tr><th scope=\"col\">").Append(Both("Đơn vị", "Unit")).Append("</th>");
        foreach (var period in periods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{period}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var unit in units)
        {
            var named = input.Rules.FindUnit(unit);
            html.Append(CultureInfo.InvariantCulture, $"<tr data-unit=\"{Encode(unit)}\"><th scope=\"row\">").Append(Both(named?.Name ?? unit, named?.NameEn ?? named?.Name ?? unit)).Append("</th>");
            foreach (var period in periods)
            {
                var reports = input.Reports.Where(report => report.Unit == unit && report.Period == period).ToList();
                var due = ReportingCalendar.Deadline(period) <= input.Today;
                var (word, vi, en) = reports.Count > 0
                    ? reports.Any(report => report.OnTime != false) ? ("on-time", "✔ đúng hạn", "✔ on time") : ("late", "⚠ trễ hạn", "⚠ late")
                    : due ? ("missing", "✖ chưa gửi", "✖ missing") : ("not-due", "… chưa đến hạn", "… not due");
                html.Append(CultureInfo.InvariantCulture, $"<td data-period=\"{period}\" data-state=\"{word}\">{Both(vi, en)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
        var anonymous = input.Reports.Where(report => report.Unit is null).ToList();
        if (anonymous.Count > 0)
        {
            html.Append("<h3>").Append(Both("Tệp báo cáo", "Report files")).Append("</h3>\n<ul class=\"files\">");
            foreach (var report in anonymous.OrderBy(report => report.Period))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{report.Period}: {Encode(report.File)}</li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    private static IEnumerable<Goal> Goals(Plan plan) =>
        plan.Goals.Count > 0
            ? plan.Goals.Where(goal => plan.Indicators.Any(indicator => indicator.Goal == goal.Number))
            : plan.Indicators.Select(indicator => indicator.Goal).Distinct().Select(number => new Goal(number, new LocalizedText($"Mục tiêu {number}", $"Goal {number}")));

    private static string Both(string vi, string en) => $"<span lang=\"vi\">{Encode(vi)}</span><span lang=\"en\">{Encode(en)}</span>";

    private static string Icon(Status status) => $"<span class=\"icon\" aria-hidden=\"true\">{AlertComposer.StatusIcon(status)}</span>";

    private static string Encode(string text) => Encoder.Encode(text);

    private const string Styles = """
        :root{--met:#1b7f3b;--on-track:#0b6e8a;--falling-behind:#a15c00;--off-track:#b3261e;--muted:#555;--line:#d0d0d0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#fff}
        html[data-lang=vi] :not(html)[lang=en],html[data-lang=en] :not(html)[lang=vi]{display:none}
        body{margin:0;line-height:1.45}
        header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
        header{border-bottom:1px solid var(--line);padding-bottom:8px}
        .bar{display:flex;justify-content:space-between;align-items:center;gap:12px;padding-top:8px}
        .plan{margin:0;color:var(--muted);font-size:.9rem}
        h1{font-size:1.5rem;margin:.4em 0}
        h2{font-size:1.25rem;margin-top:1.6em}
        h3{font-size:1.05rem;margin-top:1.4em}
        h4{font-size:1rem;margin:0 0 .4em}
        .as-of{margin:.2em 0;color:var(--muted)}
        button{font:inherit;padding:6px 14px;border:1px solid #1a1a1a;border-radius:6px;background:#fff;color:#1a1a1a;cursor:pointer;min-height:40px}
        button:focus-visible,a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
        nav ul{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0;margin:.4em 0}
        a{color:#0b57d0}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        caption{text-align:left;color:var(--muted);padding:4px 0}
        th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
        td{text-align:center}
        thead th{background:#f3f3f3}
        .s-met{color:var(--met)}.s-on-track{color:var(--on-track)}.s-falling-behind{color:var(--falling-behind)}.s-off-track{color:var(--off-track)}.s-not-applicable,.s-not-reported{color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
        .indicator{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:10px 12px}
        .indicator[data-status=met]{border-left-color:var(--met)}.indicator[data-status=on-track]{border-left-color:var(--on-track)}
        .indicator[data-status=falling-behind]{border-left-color:var(--falling-behind)}.indicator[data-status=off-track]{border-left-color:var(--off-track)}
        .code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f3f3f3;padding:0 4px;border-radius:3px}
        dl{display:grid;grid-template-columns:1fr 1fr;gap:4px 12px;margin:0}
        dl div{margin:0}dt{font-size:.8rem;color:var(--muted)}dd{margin:0;font-weight:600}
        .status{font-weight:700}
        .explanation{font-size:.9rem;margin:.5em 0}
        figure{margin:.4em 0 0}figcaption{font-size:.75rem;color:var(--muted)}
        .chart{width:100%;height:auto;max-width:420px}
        .chart .grid{stroke:#eee}.chart .axis{font-size:10px;fill:#555}
        .chart .target{stroke:#1a1a1a;stroke-dasharray:5 4;stroke-width:1.2}
        .chart .path{fill:none;stroke:#777;stroke-width:1.5}
        .chart .actual{fill:none;stroke:#1a1a1a;stroke-width:1;opacity:.5}
        .chart .point{stroke:#fff;stroke-width:1.5}
        .reporting td[data-state=missing]{color:var(--off-track);font-weight:600}.reporting td[data-state=late]{color:var(--falling-behind)}.reporting td[data-state=on-time]{color:var(--met)}
        .note{font-size:.85rem;color:var(--muted)}
        footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:24px}
        @media (max-width:600px){h1{font-size:1.25rem}.cards{grid-template-columns:1fr}th,td{padding:4px 6px}}
        """;

    private const string Script = """
        (function () {
          var root = document.documentElement, button = document.getElementById('lang');
          function use(language) {
            root.setAttribute('data-lang', language);
            root.setAttribute('lang', language);
            button.setAttribute('aria-pressed', language === 'en' ? 'true' : 'false');
            try { localStorage.setItem('genderplan-lang', language); } catch (e) { }
          }
          var saved = null;
          try { saved = localStorage.getItem('genderplan-lang'); } catch (e) { }
          if (saved === 'vi' || saved === 'en') { use(saved); }
          button.addEventListener('click', function () { use(root.getAttribute('data-lang') === 'vi' ? 'en' : 'vi'); });
        })();
        """;
}
