using GenderPlan.Core.Domain;
using GenderPlan.Core.Text;

namespace GenderPlan.Core.RuleChanges;

/// <summary>
/// What changed from one rules version to the next, one readable Vietnamese line per change, as the
/// coordinator reads a version history: "G3.1: chỉ tiêu 98% → 97%", "G4.1: mốc năm 2025: 111 → 110", "G4.1: đơn vị chủ trì yte → ldtbxh",
/// "yte: thêm địa chỉ a@b", "tệp địa bàn: Xã Tân Cảnh: đến ngày – → 30/06/2025". Only what officials decide is
/// compared (targets and milestones, baselines, years, direction, units, addresses, levels, elections, the plan's path, the
/// places and their days); an expression that follows from them says nothing of its own.
/// </summary>
public static class RulesDiff
{
    /// <summary>How the places files' places are named in the lines: they belong to no one plan.</summary>
    private const string PlacesScope = "tệp địa bàn";

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>; every line when <paramref name="before"/> is null (the first version).</summary>
    public static IReadOnlyList<string> Between(RuleBook? before, RuleBook after)
    {
        var lines = new List<string>();
        if (before is null)
        {
            lines.Add($"phiên bản đầu tiên: {after.Plans.Sum(plan => plan.Indicators.Count)} chỉ tiêu, {after.Units.Count} đơn vị");
            return lines;
        }

        foreach (var plan in after.Plans)
        {
            var old = before.Plans.FirstOrDefault(candidate => candidate.Id == plan.Id);
            if (old is null)
            {
                lines.Add($"thêm kế hoạch {plan.Id} ({plan.Indicators.Count} chỉ tiêu)");
                continue;
            }

            if (old.Path != plan.Path)
            {
                lines.Add($"{plan.Id}: lộ trình đánh giá tiến độ {old.Path.Label().Vi} → {plan.Path.Label().Vi}");
            }

            foreach (var indicator in plan.Indicators)
            {
                if (old.FindIndicator(indicator.Code) is not { } was)
                {
                    lines.Add($"{indicator.Code}: thêm chỉ tiêu \"{indicator.Name.Vi}\"");
                    continue;
                }

                lines.AddRange(IndicatorChanges(was.Definition, indicator.Definition).Select(change => $"{indicator.Code}: {change}"));
            }

            lines.AddRange(old.Indicators.Where(indicator => plan.FindIndicator(indicator.Code) is null).Select(indicator => $"{indicator.Code}: bỏ chỉ tiêu"));
            lines.AddRange(PlaceChanges.Between(plan.Id, old.Places, plan.Places));
        }

        lines.AddRange(before.Plans.Where(plan => after.Plans.All(candidate => candidate.Id != plan.Id)).Select(plan => $"bỏ kế hoạch {plan.Id}"));
        lines.AddRange(UnitChanges(before, after));
        lines.AddRange(PlaceChanges.Between(PlacesScope, before.PlaceHistory, after.PlaceHistory));
        return lines;
    }

    private static IEnumerable<string> IndicatorChanges(IndicatorDefinition was, IndicatorDefinition now)
    {
        foreach (var change in MilestoneChanges(was, now))
        {
            yield return change;
        }

        if (was.Baseline != now.Baseline)
        {
            yield return $"giá trị ban đầu {Optional(was.Baseline, was)} → {Optional(now.Baseline, now)}";
        }

        if (was.BaselineYear != now.BaselineYear)
        {
            yield return $"năm gốc {was.BaselineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"} → {now.BaselineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}";
        }

        if (was.Direction != now.Direction)
        {
            yield return $"chiều đánh giá {Symbol(was.Direction)} → {Symbol(now.Direction)}";
        }

        if (was.Lead != now.Lead)
        {
            yield return $"đơn vị chủ trì {was.Lead} → {now.Lead}";
        }

        var added = now.Coordinating.Except(was.Coordinating).ToList();
        var removed = was.Coordinating.Except(now.Coordinating).ToList();
        if (added.Count > 0)
        {
            yield return $"thêm đơn vị phối hợp {string.Join(", ", added)}";
        }

        if (removed.Count > 0)
        {
            yield return $"bỏ đơn vị phối hợp {string.Join(", ", removed)}";
        }

        if (was.Name != now.Name)
        {
            yield return $"tên \"{was.Name.Vi}\" → \"{now.Name.Vi}\"";
        }

        var wasLevels = string.Join(", ", LevelWords(was).Select(PlaceWording.LevelName));
        var nowLevels = string.Join(", ", LevelWords(now).Select(PlaceWording.LevelName));
        if (wasLevels != nowLevels)
        {
            yield return $"cấp báo cáo {wasLevels} → {nowLevels}";
        }

        if (was.EveryYear != now.EveryYear)
        {
            yield return now.EveryYear ? "chỉ tiêu phải đạt hằng năm" : "chỉ tiêu chỉ cần đạt vào năm cuối";
        }

        var wasElections = string.Join(", ", was.ElectionYears ?? []);
        var nowElections = string.Join(", ", now.ElectionYears ?? []);
        if (wasElections != nowElections)
        {
            yield return nowElections.Length == 0 ? "không còn đánh giá theo kết quả bầu cử" : $"chỉ thay đổi khi bầu cử (năm {nowElections})";
        }
    }

    /// <summary>
    /// A rule with one target reads as today ("chỉ tiêu 98% → 97%", "năm đạt chỉ tiêu 2020 → 2021"); with several, each
    /// milestone is compared by its year: "mốc năm 2025: 111 → 110", "thêm mốc năm 2027: 110", "bỏ mốc năm 2027 (110)".
    /// </summary>
    private static IEnumerable<string> MilestoneChanges(IndicatorDefinition was, IndicatorDefinition now)
    {
        if (!was.HasMilestones && !now.HasMilestones)
        {
            if (was.Target != now.Target)
            {
                yield return $"chỉ tiêu {Amount(was.Target, was)} → {Amount(now.Target, now)}";
            }

            if (was.TargetYear != now.TargetYear)
            {
                yield return $"năm đạt chỉ tiêu {was.TargetYear} → {now.TargetYear}";
            }

            yield break;
        }

        foreach (var year in was.Milestones.Concat(now.Milestones).Select(milestone => milestone.Year).Distinct().Order())
        {
            var before = was.Milestones.Where(milestone => milestone.Year == year).Select(milestone => (decimal?)milestone.Target).FirstOrDefault();
            var after = now.Milestones.Where(milestone => milestone.Year == year).Select(milestone => (decimal?)milestone.Target).FirstOrDefault();
            var line = (before, after) switch
            {
                (null, { } added) => $"thêm mốc năm {year}: {Amount(added, now)}",
                ({ } removed, null) => $"bỏ mốc năm {year} ({Amount(removed, was)})",
                ({ } old, { } changed) when old != changed => $"mốc năm {year}: {Amount(old, was)} → {Amount(changed, now)}",
                _ => null,
            };
            if (line is not null)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> UnitChanges(RuleBook before, RuleBook after)
    {
        foreach (var unit in after.Units)
        {
            if (before.FindUnit(unit.Id) is not { } was)
            {
                yield return $"{unit.Id}: thêm đơn vị \"{unit.Name.Vi}\"";
                continue;
            }

            if (was.Name != unit.Name)
            {
                yield return $"{unit.Id}: tên \"{was.Name.Vi}\" → \"{unit.Name.Vi}\"";
            }

            foreach (var address in unit.Emails.Except(was.Emails, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{unit.Id}: thêm địa chỉ {address}";
            }

            foreach (var address in was.Emails.Except(unit.Emails, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{unit.Id}: bỏ địa chỉ {address}";
            }
        }

        foreach (var unit in before.Units.Where(unit => after.FindUnit(unit.Id) is null))
        {
            yield return $"{unit.Id}: bỏ đơn vị";
        }
    }

    private static string Amount(decimal value, IndicatorDefinition indicator) =>
        indicator.Unit == MeasureUnit.Percent ? VietnameseNumber.Format(value) + "%" : $"{VietnameseNumber.Format(value)} {indicator.UnitName.Vi}";

    private static string Optional(decimal? value, IndicatorDefinition indicator) => value is { } known ? Amount(known, indicator) : "–";

    private static string Symbol(Direction direction) => direction == Direction.AtLeast ? "≥" : "≤";

    /// <summary>The levels as the plan's places name them (a province's plan says "tỉnh, xã", not the district and commune of the first plan).</summary>
    private static IEnumerable<string> LevelWords(IndicatorDefinition indicator) =>
        indicator.LevelWords ?? (indicator.Levels ?? [UnitLevel.District]).Select(level => level == UnitLevel.Commune ? PlaceLevels.Commune : PlaceLevels.District);
}
