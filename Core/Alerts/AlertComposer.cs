using System.Net;
using System.Security.Cryptography;
using System.Text;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Email;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Alerts;

/// <summary>The report an alert is about, as the email names it.</summary>
/// <param name="Key">The stored report's key; alert ids derive from it, so reprocessing finds the same alerts.</param>
/// <param name="File">The file name the unit uploaded.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place's name.</param>
public sealed record ReportReference(string Key, string File, string Unit, Period Period, string Jurisdiction);

/// <summary>
/// Writes the product's emails: one alert per lead unit per report (To: the lead unit; Cc: the coordinating
/// units and the plan's coordinator, each address once), resolved notices, reminders, overdue notices and
/// notices of rejected files. Vietnamese first with correct diacritics, English below; HTML with a plain-text
/// part; every piece of text that came from a file is HTML-escaped, and nothing from a file reaches a header.
/// </summary>
public sealed class AlertComposer
{
    private readonly RuleBook _rules;
    private readonly string _coordinator;
    private readonly string? _scorecardUrl;

    /// <summary>Creates a composer.</summary>
    /// <param name="rules">The rules whose units directory gives names and addresses.</param>
    /// <param name="coordinator">The unit copied on every alert and told of every rejected file (<c>ldtbxh</c>).</param>
    /// <param name="scorecardUrl">Where the scorecard page is, for the link in alerts, or null.</param>
    public AlertComposer(RuleBook rules, string coordinator, string? scorecardUrl)
    {
        _rules = rules;
        _coordinator = coordinator;
        _scorecardUrl = scorecardUrl;
    }

    /// <summary>One alert per lead unit for the indicators of <paramref name="plan"/> that fall behind.</summary>
    public IReadOnlyList<EmailMessage> Alerts(ReportReference report, AlertPlan plan) =>
        plan.Behind.GroupBy(score => score.Indicator.Lead).Select(group => Alert(report, group.Key, group.ToList())).ToList();

    /// <summary>One resolved notice per lead unit for the indicators that recovered.</summary>
    public IReadOnlyList<EmailMessage> ResolvedNotices(ReportReference report, AlertPlan plan) =>
        plan.Recovered.GroupBy(score => score.Indicator.Lead).Select(group => Resolved(report, group.Key, group.ToList())).ToList();

    /// <summary>A reminder that <paramref name="unit"/>'s report for <paramref name="period"/> is due.</summary>
    public EmailMessage Reminder(string unit, Period period, DateOnly today)
    {
        var lastDay = ReportingCalendar.LastDay(period);
        var days = lastDay.DayNumber - today.DayNumber;
        var name = Html(UnitName(unit));
        var vi = $"Kính gửi {name},<br>Đơn vị chưa gửi {ReportKindVi(period)} kỳ {period}. Hạn gửi là trước ngày {Date(ReportingCalendar.Deadline(period))} (còn {days} ngày). Mẫu báo cáo: <code>genderplan template</code>.";
        var en = $"Dear {Html(UnitNameEn(unit))},<br>Your {ReportKindEn(period)} for {period} has not arrived yet. It is due before {Date(ReportingCalendar.Deadline(period))} ({days} day(s) left).";
        return Build(Id("reminder", unit, period.ToString(), today.ToString("O", null)), [unit], [],
            $"Nhắc hạn: {ReportKindVi(period)} kỳ {period} cần gửi trước ngày {Date(ReportingCalendar.Deadline(period))}",
            Section.Of(vi), Section.Of(en));
    }

    /// <summary>A notice to <paramref name="unit"/> and the coordinator that the report is late.</summary>
    public EmailMessage Overdue(string unit, Period period)
    {
        var deadline = Date(ReportingCalendar.Deadline(period));
        var vi = $"Kính gửi {Html(UnitName(unit))},<br>{Capital(ReportKindVi(period))} kỳ {period} của đơn vị đã quá hạn (hạn gửi trước ngày {deadline}). Đề nghị gửi báo cáo ngay.";
        var en = $"Dear {Html(UnitNameEn(unit))},<br>Your {ReportKindEn(period)} for {period} is overdue (it was due before {deadline}). Please send it now.";
        return Build(Id("overdue", unit, period.ToString()), [unit], [_coordinator],
            $"Quá hạn: {ReportKindVi(period)} kỳ {period} của {UnitName(unit)}", Section.Of(vi), Section.Of(en));
    }

    /// <summary>A notice to the coordinator (and the sender) that a report file was rejected, listing every problem.</summary>
    public EmailMessage Rejected(string key, string file, string? unit, IReadOnlyList<Problem> problems) =>
        ProblemNotice(
            Id("rejected", key), unit, problems, null,
            $"Báo cáo bị từ chối: {OneLine(Path.GetFileName(file))}",
            $"Tệp báo cáo <b>{Html(file)}</b> không được chấm điểm vì có {problems.Count} lỗi. Không có kết quả nào được lưu từ tệp này; đề nghị sửa và gửi lại.",
            $"The report file <b>{Html(file)}</b> was not scored: it has {problems.Count} problem(s). Nothing from it was stored; please correct it and upload it again.");

    /// <summary>A notice that an uploaded rules file was refused and the active rules stay in force.</summary>
    public EmailMessage RulesRefused(string key, string file, string activeVersion, IReadOnlyList<Problem> problems, string? uploaderEmail) =>
        ProblemNotice(
            Id("rules-refused", key), null, problems, uploaderEmail,
            $"Quy tắc bị từ chối: {OneLine(Path.GetFileName(file))}",
            $"Tệp quy tắc <b>{Html(file)}</b> có {problems.Count} lỗi nên không được áp dụng. Bộ quy tắc đang dùng vẫn giữ nguyên (phiên bản {Html(activeVersion)}).",
            $"The rules file <b>{Html(file)}</b> has {problems.Count} problem(s) and was not applied. The active rules stay in force (version {Html(activeVersion)}).");

    /// <summary>A notice that a report could not be processed after repeated attempts.</summary>
    public EmailMessage ProcessingFailed(string key, string file, string? unit, string error) =>
        ProblemNotice(
            Id("failed", key), unit, [new Problem(file, null, error)], null,
            $"Không xử lý được báo cáo: {OneLine(Path.GetFileName(file))}",
            $"Tệp báo cáo <b>{Html(file)}</b> không xử lý được sau nhiều lần thử do lỗi hệ thống. Tệp vẫn được giữ lại; bộ phận kỹ thuật cần kiểm tra.",
            $"The report file <b>{Html(file)}</b> could not be processed after repeated attempts because of a system fault. The file is kept; technical staff need to look at it.");

    private EmailMessage Alert(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores)
    {
        var copied = scores.SelectMany(score => score.Indicator.Coordinating).Append(_coordinator).Distinct().ToList();
        var place = $"{Html(report.Jurisdiction)}, kỳ {report.Period}";
        var vi = Section.WithTable(
            $"Kính gửi {Html(UnitName(lead))},<br>Báo cáo <b>{Html(report.File)}</b> ({place}) cho thấy {scores.Count} chỉ tiêu do đơn vị chủ trì đang <b>cần tăng tốc</b> hoặc <b>chệch hướng</b> so với mục tiêu năm {scores[0].Indicator.Definition.TargetYear}:",
            scores, Language.Vietnamese, Link(Language.Vietnamese));
        var en = Section.WithTable(
            $"Dear {Html(UnitNameEn(lead))},<br>Report <b>{Html(report.File)}</b> ({Html(report.Jurisdiction)}, period {report.Period}) shows {scores.Count} indicator(s) you lead <b>falling behind</b> or <b>off track</b>:",
            scores, Language.English, Link(Language.English));
        return Build(Id("alert", report.Key, lead), [lead], copied,
            $"Cảnh báo: {scores.Count} chỉ tiêu cần tăng tốc hoặc chệch hướng – {OneLine(report.Jurisdiction)}, kỳ {report.Period}",
            vi, en);
    }

    private EmailMessage Resolved(ReportReference report, string lead, IReadOnlyList<IndicatorScore> scores)
    {
        var codes = string.Join(", ", scores.Select(score => score.Indicator.Code));
        var vi = Section.WithTable(
            $"Kính gửi {Html(UnitName(lead))},<br>Theo báo cáo <b>{Html(report.File)}</b> ({Html(report.Jurisdiction)}, kỳ {report.Period}), các chỉ tiêu đã cảnh báo trước đây nay đã cải thiện:",
            scores, Language.Vietnamese, "");
        var en = Section.WithTable(
            $"Dear {Html(UnitNameEn(lead))},<br>According to report <b>{Html(report.File)}</b>, the indicators alerted before have recovered:",
            scores, Language.English, "");
        return Build(Id("resolved", report.Key, lead), [lead], [_coordinator],
            $"Đã cải thiện: {codes} – {OneLine(report.Jurisdiction)}, kỳ {report.Period}", vi, en);
    }

    private EmailMessage ProblemNotice(string id, string? unit, IReadOnlyList<Problem> problems, string? extraAddress, string subject, string vi, string en)
    {
        // A file with thousands of problems would make an email nobody reads; the error file beside it has them all.
        var shown = problems.Take(MaxProblemsShown).ToList();
        var more = problems.Count > shown.Count ? $"<li>… (+{problems.Count - shown.Count})</li>" : "";
        var list = "<ul>" + string.Concat(shown.Select(problem => $"<li>{Html(problem.ToString())}</li>")) + more + "</ul>";
        var text = string.Join("\n", shown.Select(problem => "- " + problem)) + (more.Length > 0 ? $"\n- … (+{problems.Count - shown.Count})" : "");
        var to = unit is not null && unit != _coordinator && _rules.FindUnit(unit) is not null ? new[] { _coordinator, unit } : [_coordinator];
        return Build(id, to, [], subject, new Section(vi + list, StripTags(vi) + "\n" + text), new Section(en + list, StripTags(en) + "\n" + text), extraAddress);
    }

    private const int MaxProblemsShown = 50;

    // Mail clients ignore style sheets: every cell carries its own border, so a status colour never tints it.
    private const string CellStyle = "border:1px solid #cccccc;vertical-align:top";

    private EmailMessage Build(string id, IReadOnlyList<string> toUnits, IReadOnlyList<string> ccUnits, string subject, Section vi, Section en, string? extraCc = null)
    {
        var to = Addresses(toUnits, new HashSet<string>());
        var cc = Addresses(ccUnits, to.Select(address => address.Address).ToHashSet(StringComparer.OrdinalIgnoreCase));
        if (extraCc is not null && System.Net.Mail.MailAddress.TryCreate(extraCc, out var parsed) && parsed.Address == extraCc
            && !to.Concat(cc).Any(address => string.Equals(address.Address, extraCc, StringComparison.OrdinalIgnoreCase)))
        {
            cc.Add(new EmailAddress(extraCc));
        }

        var html = $"""
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{Html(subject)}</title></head>
            <body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a">
            <div lang="vi">{vi.Html}</div>
            <hr style="margin:24px 0">
            <div lang="en" style="color:#444">{en.Html}</div>
            <p style="color:#777;font-size:12px">GenderPlan</p>
            </body></html>
            """;
        var text = vi.Text + "\n\n---\n" + en.Text + "\n";
        return new EmailMessage(id, to, cc, OneLine(subject), html, text);
    }

    private List<EmailAddress> Addresses(IEnumerable<string> units, IReadOnlySet<string> exclude)
    {
        var seen = new HashSet<string>(exclude, StringComparer.OrdinalIgnoreCase);
        var addresses = new List<EmailAddress>();
        foreach (var unit in units.Select(_rules.FindUnit).OfType<ResponsibleUnit>())
        {
            foreach (var email in unit.Emails.Where(seen.Add))
            {
                addresses.Add(new EmailAddress(email, OneLine(unit.Name)));
            }
        }

        return addresses;
    }

    private static string Table(IReadOnlyList<IndicatorScore> scores, Language language)
    {
        var vi = language == Language.Vietnamese;
        var header = vi
            ? new[] { "Chỉ tiêu", "Giá trị", "Mục tiêu", "Mức cần đạt lúc này", "Tình trạng", "Giải thích" }
            : ["Indicator", "Value", "Target", "Expected now", "Status", "Explanation"];
        var builder = new StringBuilder("<table style=\"border-collapse:collapse;margin:12px 0\" cellpadding=\"6\"><thead><tr>");
        foreach (var cell in header)
        {
            builder.Append($"<th scope=\"col\" style=\"{CellStyle};text-align:left;background:#f2f2f2\">{cell}</th>");
        }

        builder.Append("</tr></thead><tbody>");
        foreach (var score in scores)
        {
            var indicator = score.Indicator;
            var explanation = ScoreExplainer.Explain(score).In(language);
            builder.Append("<tr>")
                .Append($"<td style=\"{CellStyle}\"><b>{Html(indicator.Code)}</b><br>{Html(indicator.Name.In(language))}</td>")
                .Append($"<td style=\"{CellStyle}\">{Html(score.Value is { } value ? ScoreExplainer.FormatValue(indicator, value, language) : "0/0")}</td>")
                .Append($"<td style=\"{CellStyle}\">{Html(ScoreExplainer.FormatValue(indicator, indicator.Target, language))}</td>")
                .Append($"<td style=\"{CellStyle}\">{Html(score.Expected is { } expected ? ScoreExplainer.FormatValue(indicator, expected, language) : "–")}</td>")
                .Append($"<td style=\"{CellStyle};color:{StatusColour(score.Status)};font-weight:bold\">{StatusIcon(score.Status)} {Html(vi ? score.Status.Vietnamese() : score.Status.English())}</td>")
                .Append($"<td style=\"{CellStyle}\">{Html(explanation)}</td>")
                .Append("</tr>");
        }

        return builder.Append("</tbody></table>").ToString();
    }

    private static string TextTable(IReadOnlyList<IndicatorScore> scores, Language language) =>
        string.Join("\n", scores.Select(score =>
            $"- {score.Indicator.Code} {score.Indicator.Name.In(language)}: {(language == Language.Vietnamese ? score.Status.Vietnamese() : score.Status.English())}. {ScoreExplainer.Explain(score).In(language)}"));

    private string Link(Language language) =>
        _scorecardUrl is null ? "" : language == Language.Vietnamese
            ? $"<p>Xem bảng theo dõi: <a href=\"{Html(_scorecardUrl)}\">{Html(_scorecardUrl)}</a></p>"
            : $"<p>See the scorecard: <a href=\"{Html(_scorecardUrl)}\">{Html(_scorecardUrl)}</a></p>";

    /// <summary>The colours the scorecard uses too; status is never shown by colour alone.</summary>
    public static string StatusColour(Status status) => status switch
    {
        Status.Met => "#1b7f3b",
        Status.OnTrack => "#0b6e8a",
        Status.FallingBehind => "#a15c00",
        Status.OffTrack => "#b3261e",
        _ => "#555555",
    };

    /// <summary>A symbol shown beside each status word.</summary>
    public static string StatusIcon(Status status) => status switch
    {
        Status.Met => "✔",
        Status.OnTrack => "➜",
        Status.FallingBehind => "▲",
        Status.OffTrack => "✖",
        _ => "–",
    };

    private string UnitName(string id) => _rules.FindUnit(id)?.Name ?? id;

    private string UnitNameEn(string id) => _rules.FindUnit(id)?.NameEn ?? UnitName(id);

    private static string ReportKindVi(Period period) => period.Kind == PeriodKind.FirstHalf ? "báo cáo 6 tháng" : "báo cáo năm";

    private static string ReportKindEn(Period period) => period.Kind == PeriodKind.FirstHalf ? "semi-annual report" : "annual report";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Date(DateOnly date) => $"{date.Day:D2}/{date.Month:D2}/{date.Year}";

    // Escapes markup characters only: WebUtility would turn every "á" into "&#225;", which mail clients show but
    // which makes the Vietnamese text unreadable in the source and in the plain-text fallback.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Html(string text) => Encoder.Encode(text);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string StripTags(string html)
    {
        var text = html.Replace("<br>", "\n", StringComparison.Ordinal).Replace("</tr>", "\n", StringComparison.Ordinal).Replace("</li>", "\n", StringComparison.Ordinal).Replace("</td>", " | ", StringComparison.Ordinal);
        var builder = new StringBuilder();
        var inTag = false;
        foreach (var character in text)
        {
            if (character == '<')
            {
                inTag = true;
            }
            else if (character == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(character);
            }
        }

        return WebUtility.HtmlDecode(builder.ToString()).Trim();
    }

    /// <summary>One language's part of an email, as HTML and as plain text.</summary>
    private sealed record Section(string Html, string Text)
    {
        public static Section Of(string html) => new(html, StripTags(html));

        public static Section WithTable(string introHtml, IReadOnlyList<IndicatorScore> scores, Language language, string linkHtml) =>
            new(introHtml + Table(scores, language) + linkHtml, StripTags(introHtml) + "\n" + TextTable(scores, language) + (linkHtml.Length > 0 ? "\n" + StripTags(linkHtml) : ""));
    }

    private static string Id(params string[] parts) =>
        parts[0] + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..20];
}
