using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Text;
using GenderPlan.Documents.Text;

namespace GenderPlan.Documents.Dashboard;

/// <summary>
/// A small SVG chart of one indicator: every reported value by period (one point each, coloured and titled
/// with its status), against the required path from the baseline to the target (the plan's path, the one the
/// scores measure against: a straight line by default, the compound-growth curve when the plan says so) and the
/// target line, with a mark at each milestone's target when the rule sets several. Drawn by the product: no script, no external library. The geometry is worked out here;
/// <c>Templates/progress-chart.liquid</c> writes the SVG. Labels are written as officials write numbers ("96,5").
/// No chart is drawn for a category (a level such as "Kiêm nhiệm" has no scale to plot) or for fewer than two
/// reported values (one dot says no more than the value beside it).
/// </summary>
public static class ProgressChart
{
    private const double Width = 320;
    private const double Height = 170;
    private const double Left = 44;
    private const double Right = 12;
    private const double Top = 12;
    private const double Bottom = 28;

    private static readonly ChartFrame Frame = new(
        Format(0, 0, Width, Height),
        Format(Top),
        Format(Height - Bottom),
        Format(Height - 10),
        Format(Left - 6),
        Format(Left),
        Format(Width - Right));

    /// <summary>The chart's SVG markup alone, drawn from the same template as the page's charts.</summary>
    public static string Render(Indicator indicator, IReadOnlyList<DashboardResult> history) =>
        DashboardRenderer.Templates.Render("progress-chart", new StandaloneChart(Plot(indicator, history)), LiquidTemplates.Html);

    /// <summary>The chart's SVG markup alone.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="history">Its results by period.</param>
    /// <param name="encode">No longer used: the template escapes every value itself.</param>
    [Obsolete("The chart is drawn from a template that escapes every value itself; use Render(indicator, history).")]
    public static string Render(Indicator indicator, IReadOnlyList<DashboardResult> history, Func<string, string> encode) => Render(indicator, history);

    /// <summary>Where everything goes on the chart, as the attribute values the template writes.</summary>
    internal static ChartView Plot(Indicator indicator, IReadOnlyList<DashboardResult> history)
    {
        var definition = indicator.Definition;
        var points = history.Where(result => result.Value is not null).ToList();
        if (indicator.Unit.IsCategory || points.Count < 2)
        {
            return ChartView.None(Frame, indicator.Code.Replace('.', '-'));
        }

        var start = (double)(definition.BaselineYear ?? Math.Min(definition.TargetYear - 5, points.Count > 0 ? (int)Math.Floor(points.Min(point => (double)point.Period.TimePoint)) : definition.TargetYear - 5));
        var end = (double)definition.TargetYear;
        var path = RequiredPath(indicator, start, end);
        var values = points.Select(point => (double)point.Value!.Value).Concat(indicator.Milestones.Select(milestone => (double)milestone.Target))
            .Concat(path.Select(point => point.Value)).ToList();
        if (definition.Baseline is { } baseline)
        {
            values.Add((double)baseline);
        }

        var (low, high) = Range(values);
        double X(double time) => Left + ((time - start) / Math.Max(end - start, 0.5) * (Width - Left - Right));
        double Y(double value) => Top + ((high - value) / (high - low) * (Height - Top - Bottom));
        string Point(double time, double value) => $"{Format(X(time))},{Format(Y(value))}";

        return new ChartView(
            true,
            Frame,
            indicator.Code.Replace('.', '-'),
            $"{indicator.Code}: {points.Count} giá trị đã báo cáo / reported values",
            [.. Enumerable.Range((int)Math.Ceiling(start), Math.Max(0, (int)end - (int)Math.Ceiling(start) + 1)).Select(year => new ChartTick(Format(X(year)), year.ToString(CultureInfo.InvariantCulture)))],
            [new ChartText(Format(Y(high) + 4), Short(high)), new ChartText(Format(Y(low) + 4), Short(low))],
            new ChartText(Format(Y((double)definition.Target)), $"Chỉ tiêu {Short((double)definition.Target)} / target {ShortEnglish((double)definition.Target)}"),
            path.Count > 1 ? string.Join(' ', path.Select(point => Point(point.Time, point.Value))) : null,
            points.Count > 1 ? string.Join(' ', points.Select(point => Point((double)point.Period.TimePoint, (double)point.Value!.Value))) : null,
            [.. Marks(indicator).Select(milestone => new ChartMilestone(
                Diamond(X(milestone.Year), Y((double)milestone.Target)),
                milestone.Year.ToString(CultureInfo.InvariantCulture),
                $"Mốc năm {milestone.Year}: {ScoreExplainer.FormatValue(indicator, milestone.Target, Language.Vietnamese)} / {milestone.Year} milestone: {ScoreExplainer.FormatValue(indicator, milestone.Target, Language.English)}"))],
            [.. points.Select(point => new ChartPoint(
                StatusPresentation.Of(point.Status),
                point.Period.ToString(),
                Format(X((double)point.Period.TimePoint)),
                Format(Y((double)point.Value!.Value)),
                $"{point.Period.Label.Vi}: {ScoreExplainer.FormatValue(indicator, point.Value!.Value, Language.Vietnamese)} – {point.Status.Vietnamese()} / {point.Status.English()}"))]);
    }

    /// <summary>
    /// The required path on the plan's <see cref="ProgressPath"/> through every milestone, stretch by stretch (from the
    /// baseline to the first milestone, then from each milestone's target to the next, as the scores measure), sampled
    /// every half year (so the straight line is straight and the compound curve bends where the scores say), or empty
    /// where the method has none: no baseline and a single target, a target to maintain, a target for every year (the
    /// target line and marks alone show those), or a figure that changes only at elections (no expected value between
    /// elections). Without a baseline, the path starts at the first milestone.
    /// </summary>
    internal static List<(double Time, double Value)> RequiredPath(Indicator indicator, double start, double end)
    {
        var definition = indicator.Definition;
        var path = new List<(double, double)>();
        if (definition.EveryYear || indicator.ChangesOnlyAtElections || indicator.Unit.IsCategory)
        {
            return path;
        }

        var from = definition.Baseline is { } baseline && definition.BaselineYear is { } baselineYear ? (Year: baselineYear, Value: baseline) : ((int Year, decimal Value)?)null;
        foreach (var milestone in indicator.Milestones)
        {
            // A first stretch whose baseline already meets its milestone is a target to maintain: no path, as the scores measure none.
            if (from is { } stretch && !(path.Count == 0 && stretch.Year == definition.BaselineYear && indicator.Meets(stretch.Value, milestone)))
            {
                for (var time = Math.Max(start, stretch.Year); time <= Math.Min(end, milestone.Year) + 1e-9; time += 0.5)
                {
                    if (path.Count == 0 || time > path[^1].Item1 + 1e-9)
                    {
                        path.Add((time, ProgressMath.ExpectedValue(definition.Path, time, (double)stretch.Value, stretch.Year, (double)milestone.Target, milestone.Year)));
                    }
                }
            }

            from = (milestone.Year, milestone.Target);
        }

        return path;
    }

    /// <summary>The milestones marked on the chart: every one of a rule with several; none for one target, which the target line marks.</summary>
    internal static IReadOnlyList<Milestone> Marks(Indicator indicator) => indicator.Definition.HasMilestones ? indicator.Milestones : [];

    // A small diamond around (x, y): a milestone's target, told apart from the round reported values by its shape.
    private static string Diamond(double x, double y) =>
        $"{Format(x - 4)},{Format(y)} {Format(x)},{Format(y - 4)} {Format(x + 4)},{Format(y)} {Format(x)},{Format(y + 4)}";

    private static (double Low, double High) Range(List<double> values)
    {
        var low = values.Min();
        var high = values.Max();
        var padding = Math.Max((high - low) * 0.15, Math.Max(Math.Abs(high) * 0.02, 0.5));
        low = Math.Max(0, low - padding);
        return (low, high + padding);
    }

    /// <summary>An axis label as officials write it: "96,5", "1.500"; whole above 100, one decimal below.</summary>
    internal static string Short(double value) => VietnameseNumber.Format(Rounded(value));

    private static string ShortEnglish(double value) => VietnameseNumber.FormatEnglish(Rounded(value));

    private static decimal Rounded(double value) => double.IsFinite(value) && Math.Abs(value) < 1e15
        ? Math.Round((decimal)value, value >= 100 ? 0 : 1, MidpointRounding.AwayFromZero)
        : 0m;

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Format(params double[] values) => string.Join(' ', values.Select(Format));

}

/// <summary>The chart's fixed frame: view box, grid and axis positions.</summary>
internal sealed record ChartFrame(string ViewBox, string GridTop, string GridBottom, string YearY, string ScaleX, string TargetLeft, string TargetRight);

/// <summary>One chart, every coordinate formatted for its attribute; <c>Drawn</c> is false where there is no chart to draw.</summary>
internal sealed record ChartView(
    bool Drawn,
    ChartFrame Frame,
    string Id,
    string Title,
    IReadOnlyList<ChartTick> Years,
    IReadOnlyList<ChartText> Scale,
    ChartText Target,
    string? RequiredPath,
    string? ReportedPath,
    IReadOnlyList<ChartMilestone> Milestones,
    IReadOnlyList<ChartPoint> Points)
{
    /// <summary>No chart: a category, or fewer than two reported values; the page shows the value alone.</summary>
    public static ChartView None(ChartFrame frame, string id) => new(false, frame, id, "", [], [], new ChartText("", ""), null, null, [], []);
}

/// <summary>One milestone's target mark: a diamond's corners, its year and its title ("Mốc năm 2025: 111 ...").</summary>
internal sealed record ChartMilestone(string Diamond, string Year, string Title);

/// <summary>A year's grid line and label.</summary>
internal sealed record ChartTick(string X, string Year);

/// <summary>A label of the scale (highest, lowest), or the target line, at height <c>Y</c>.</summary>
internal sealed record ChartText(string Y, string Text);

/// <summary>One reported value.</summary>
internal sealed record ChartPoint(StatusPresentation Status, string Period, string X, string Y, string Title);

/// <summary>One chart rendered alone, under the name the page passes it to the chart template.</summary>
internal sealed record StandaloneChart(ChartView Chart);
