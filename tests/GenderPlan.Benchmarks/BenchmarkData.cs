using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Rules;

namespace GenderPlan.Benchmarks;

/// <summary>The plan's real rules and a full 28-indicator report, as the benchmarks use them.</summary>
internal static class BenchmarkData
{
    /// <summary>A report with every indicator filled in, mixing every status.</summary>
    public const string FullReport = """
        period,jurisdiction,indicator,value,numerator,denominator
        2019,dak-to,G1.1a.district,"16,1",,
        2019,dak-to,G1.1a.commune,"25,9",,
        2019,dak-to,G1.1b.district,"34,5",,
        2019,dak-to,G1.1b.commune,"34,2",,
        2019,dak-to,G1.2,72%,,
        2019,dak-to,G1.3,65,,
        2019,dak-to,G2.1,"52,3%",,
        2019,dak-to,G2.2,12/100,,
        2019,dak-to,G2.3,38,,
        2019,dak-to,G2.4,96,,
        2019,dak-to,G3.1,"97,2",,
        2019,dak-to,G3.2a,"61,5",,
        2019,dak-to,G3.2b,0,,
        2019,dak-to,G4.1,108/100,,
        2019,dak-to,G4.2,45/100.000,,
        2019,dak-to,G4.3a,88,,
        2019,dak-to,G4.3b,0/0,,
        2019,dak-to,G4.4,18/100,,
        2019,dak-to,G5.1,Không có,,
        2019,dak-to,G5.2,100%,,
        2019,dak-to,G6.1,"1,8",,
        2019,dak-to,G6.2a,100,,
        2019,dak-to,G6.2b,,17,20
        2019,dak-to,G6.3,0/0,,
        2019,dak-to,G7.1,100,,
        2019,dak-to,G7.2,92,,
        2019,dak-to,G7.3,Kiêm nhiệm,,
        2019,dak-to,G7.4,95,,

        """;

    private static readonly Lazy<HashSet<string>> CommuneCodes = new(() =>
        Rules().Plans[0].IndicatorsAt(UnitLevel.Commune).Select(indicator => indicator.Code).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// <see cref="FullReport"/> for <paramref name="period"/> and <paramref name="place"/>: every indicator for the
    /// district, only the commune-level ones for a commune (a commune's report of a district-only indicator is refused).
    /// </summary>
    public static string ReportFor(string period, string place)
    {
        var lines = FullReport.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1)
            .Where(line => place == "dak-to" || CommuneCodes.Value.Contains(line.Split(',')[2]))
            .Select(line => line.Replace("2019,dak-to,", $"{period},{place},", StringComparison.Ordinal));
        return string.Join('\n', rows.Prepend(lines[0])) + "\n";
    }

    public static string RulesDirectory { get; } = Path.Combine(GenderPlan.Testing.RepositoryRoot.Path, "Rules");

    public static IReadOnlyList<RuleSource> RuleSources() => RuleSource.FromDirectory(RulesDirectory);

    public static RuleBook Rules() => RuleBookLoader.LoadDirectory(RulesDirectory).RuleBook ?? throw new InvalidOperationException("invalid rules");

    public static Report Report(RuleBook rules) =>
        ReportReader.Read("full.csv", Encoding.UTF8.GetBytes(FullReport), rules).Report ?? throw new InvalidOperationException("invalid report");
}
