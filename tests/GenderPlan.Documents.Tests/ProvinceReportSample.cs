using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.ProvinceReports;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// The province report of 2019 made from the shipped sample (<c>Rules/samples/dak-to-2019.csv</c>) as the district's
/// report, one figure of G2.3 added up from the communes beside the reported one, G7.2 (not in the sample) only from
/// the communes, Tân Cảnh's own results, and three reports that arrived: one on time, one late, one from a committee.
/// </summary>
internal static class ProvinceReportSample
{
    public static readonly Period Year = Period.Annual(2019);

    public static readonly DateTimeOffset Now = new(2019, 11, 30, 1, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset YteReceived = new(2019, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset GddtReceived = new(2019, 11, 28, 3, 0, 0, TimeSpan.Zero);

    public static Scorecard District { get; } = Score("dak-to-2019.csv", File.ReadAllBytes(Path.Combine(TestRules.RulesDirectory, "samples", "dak-to-2019.csv")));

    public static Scorecard TanCanh { get; } = Score("tan-canh-2019.csv", System.Text.Encoding.UTF8.GetBytes(ReportFiles.Csv(
        "2019,tan-canh,G3.1,,194,200,",
        "2019,tan-canh,G2.3,41,,,",
        "2019,tan-canh,G7.3,Kiêm nhiệm,,,")));

    public static Coverage TwoOfNine { get; } = new(2, 9, ["tt-dak-to", "dak-ro-nga", "dak-tram", "van-lem", "ngok-tu", "kon-dao", "po-ko"]);

    public static DashboardInput Input()
    {
        var results = District.Scores.Select(score => new DashboardResult(score.Indicator.Code, Year, score.Status, score.Value, ScoreExplainer.Explain(score))).ToList();
        results.Add(new DashboardResult("G2.3", Year, Status.FallingBehind, 40.5m, new LocalizedText("tổng hợp G2.3", "sum"), FigureSource.Communes, TwoOfNine));
        results.Add(new DashboardResult("G7.2", Year, Status.Met, 100m, new LocalizedText("tổng hợp G7.2", "sum"), FigureSource.Communes, TwoOfNine));
        var communes = new Dictionary<string, IReadOnlyList<DashboardResult>>
        {
            ["tan-canh"] = [.. TanCanh.Scores.Select(score => new DashboardResult(score.Indicator.Code, Year, score.Status, score.Value, ScoreExplainer.Explain(score)))],
        };
        IReadOnlyList<DashboardReport> reports =
        [
            new(Year, "yte", "reports/yte/2019.csv", YteReceived, true, "dak-to"),
            new(Year, "gddt", "reports/gddt/2019.csv", GddtReceived, false, "dak-to"),
            new(Year, "ubnd-tan-canh", "reports/ubnd-tan-canh/2019.csv", YteReceived, true, "tan-canh"),
            new(Period.FirstHalf(2019), "noivu", "reports/noivu/2019-h1.csv", YteReceived, false, "dak-to"),
        ];
        return new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to", results, reports, new DateOnly(2019, 11, 30), Now, [], communes);
    }

    public static ProvinceReport Report() => ProvinceReportBuilder.Build(Input(), Year);

    public static byte[] Workbook() => ProvinceReportFiles.Workbook(Report()).Content;

    public static byte[] Draft() => ProvinceReportFiles.Draft(Report()).Content;

    private static Scorecard Score(string name, byte[] bytes) =>
        Scorer.Score(ReportReader.Read(name, bytes, TestRules.Book).Report ?? throw new InvalidOperationException(name + " does not read"));
}
