using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// What the draft says, under each goal, of the alerts its indicators raised: "Giải pháp đã triển khai", then one line
/// per follow-up case, "- Phòng Y tế: tổ chức truyền thông tại 3 xã (dự kiến có kết quả 30/12/2026; đang khắc phục).",
/// or one sentence that no alert needed action. The province asks what was done about what fell behind, not only that
/// it did; the units wrote it themselves through their links, so the coordinator no longer collects it by telephone.
/// </summary>
public static class ActionsTaken
{
    /// <summary>The paragraph's heading.</summary>
    public const string Heading = "Giải pháp đã triển khai";

    /// <summary>The sentence for a goal none of whose indicators was alerted in the report's period.</summary>
    public const string NoneNeeded = "- Trong kỳ báo cáo, các chỉ tiêu của mục tiêu này không có cảnh báo phải đề ra giải pháp khắc phục.";

    /// <summary>
    /// The lines under the heading for <paramref name="goal"/>: each case of its indicators in the report's period and
    /// places, by chỉ tiêu, then the plan's place before its communes, then unit; a goal of several chỉ tiêu names which.
    /// </summary>
    public static IReadOnlyList<string> Lines(ProvinceReport report, GoalSection goal)
    {
        var targets = report.TargetsOf(goal);
        var numberOf = targets
            .SelectMany(target => target.Lines.Select(line => (line.Indicator.Code, target.Number)))
            .GroupBy(pair => pair.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Number, StringComparer.OrdinalIgnoreCase);
        var places = report.Plan.Jurisdictions.Select((place, index) => (place.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var cases = report.FollowUps
            .Where(found => numberOf.ContainsKey(found.Indicator))
            .OrderBy(found => numberOf[found.Indicator])
            .ThenBy(found => places.GetValueOrDefault(found.Place, int.MaxValue))
            .ThenBy(found => found.Unit, StringComparer.Ordinal)
            .ThenBy(found => found.Period, StringComparer.Ordinal)
            .ToList();
        if (cases.Count == 0)
        {
            return [NoneNeeded];
        }

        return [.. cases.Select(found => Line(report, found, targets.Count > 1 ? numberOf[found.Indicator] : null))];
    }

    /// <summary>One case: the unit, the chỉ tiêu when the goal has several, the action or that none was given, the date expected and where it stands.</summary>
    public static string Line(ProvinceReport report, FollowUpCase found, int? target)
    {
        var unit = UnitName(report.Rules, found.Unit);
        var which = target is { } number ? $" (chỉ tiêu {number.ToString(CultureInfo.InvariantCulture)})" : "";
        var action = found.Action is { Length: > 0 } written ? Sentence(written) : "chưa đề xuất giải pháp khắc phục";
        var notes = new List<string>();
        if (found.ExpectedBy is { } date)
        {
            notes.Add($"dự kiến có kết quả {ReportText.CitedDate(date)}");
        }

        notes.Add(StateWords(found));
        var period = report.Scope.IsSpan && Period.TryParse(found.Period, out var parsed) ? $", {parsed.Label.Vi}" : "";
        return $"- {unit}{which}: {action} ({string.Join("; ", notes)}{period}).";
    }

    /// <summary>
    /// Where a case stands, in words that fit inside a sentence ("đang khắc phục"): the workbook's column and the
    /// draft's line say the same thing.
    /// </summary>
    public static string StateWords(FollowUpCase found) => found.State switch
    {
        FollowUpState.Open => "chưa có phản hồi",
        FollowUpState.Acknowledged => "đang khắc phục",
        FollowUpState.Overdue => "quá hạn khắc phục",
        FollowUpState.Escalated => "quá hạn phản hồi",
        _ => found.Resolution switch
        {
            FollowUpResolution.Report => "đã khắc phục, kết quả báo cáo sau đạt tiến độ",
            FollowUpResolution.RulesChanged => "kết thúc theo dõi do điều chỉnh mục tiêu, lộ trình",
            _ when found.Reason is { Length: > 0 } reason => $"cơ quan thường trực kết thúc theo dõi: {Sentence(reason)}",
            _ => "đã kết thúc theo dõi",
        },
    };

    /// <summary>A unit's name as documents write it, with the hyphen of official letterheads where the units file has an en dash.</summary>
    public static string UnitName(RuleBook rules, string unit) => (rules.FindUnit(unit)?.Name.Vi ?? unit).Replace('–', '-');

    /// <summary>
    /// A unit's own words inside the draft's sentence: on one line, without the final stop the sentence adds, and with
    /// square brackets made round, since brackets mark the placeholders the office must fill in.
    /// </summary>
    private static string Sentence(string written)
    {
        // A control character would make the document's XML unreadable; line breaks become spaces.
        var line = string.Join(' ', new string([.. written.Select(character => char.IsControl(character) ? ' ' : character)]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // Kept as the unit wrote it otherwise: lowering a first capital would also lower "Hội Liên hiệp Phụ nữ".
        return line.Replace('[', '(').Replace(']', ')').TrimEnd('.', ';', ' ');
    }
}
