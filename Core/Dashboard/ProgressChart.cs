using System.Globalization;
using System.Text;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Dashboard;

/// <summary>
/// A small SVG chart of one indicator: every reported value by period (one point each, coloured and titled
/// with its status), against the required path from the baseline to the target (the curve the progress
/// method measures against) and the target line. Drawn by the product: no script, no external library.
/// </summary>
public static class ProgressChart
{
    private const double Width = 320;
    private const double Height = 170;
    private const double Left = 44;
    private const double Right = 12;
    private const double Top = 12;
    private const double Bottom = 28;

    /// <summary>The chart's SVG markup.</summary>
    public static string Render(Indicator indicator, IReadOnlyList<DashboardResult> history, Func<string, string> encode)
    {
        var definition = indicator.Definition;
        var points = history.Where(result => result.Value is not null).ToList();
        var start = (double)(definition.BaselineYear ?? Math.Min(definition.TargetYear - 5, points.Count > 0 ? (int)Math.Floor(points.Min(point => (double)point.Period.TimePoint)) : definition.TargetYear - 5));
        var end = (double)definition.TargetYear;
        var path = RequiredPath(indicator, start, end);
        var values = points.Select(point => (double)point.Value!.Value).Append((double)definition.Target).Concat(path.Select(point => point.Value)).ToList();
        if (definition.Baseline is { } baseline)
        {
            values.Add((double)baseline);
        }

        var (low, high) = Range(values);
        double X(double time) => Left + ((time - start) / Math.Max(end - start, 0.5) * (Width - Left - Right));
        double Y(double value) => Top + ((high - value) / (high - low) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-{Id(indicator)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-{Id(indicator)}\">{encode($"{indicator.Code}: {points.Count} giá trị đã báo cáo / reported values")}</title>");
        for (var year = (int)Math.Ceiling(start); year <= (int)end; year++)
        {
            var x = X(year);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x:0.#}\" y=\"{Height - 10}\" text-anchor=\"middle\">{year}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Y(high) + 4:0.#}\" text-anchor=\"end\">{encode(Short(high))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Y(low) + 4:0.#}\" text-anchor=\"end\">{encode(Short(low))}</text>");
        var targetY = Y((double)definition.Target);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{Left}\" y1=\"{targetY:0.#}\" x2=\"{Width - Right}\" y2=\"{targetY:0.#}\"><title>{encode($"Mục tiêu / target {Short((double)definition.Target)}")}</title></line>");
        if (path.Count > 1)
        {
            svg.Append("<polyline class=\"path\" points=\"")
                .AppendJoin(' ', path.Select(point => string.Create(CultureInfo.InvariantCulture, $"{X(point.Time):0.#},{Y(point.Value):0.#}")))
                .Append("\"><title>Lộ trình cần đạt / required path</title></polyline>");
        }

        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"actual\" points=\"")
                .AppendJoin(' ', points.Select(point => string.Create(CultureInfo.InvariantCulture, $"{X((double)point.Period.TimePoint):0.#},{Y((double)point.Value!.Value):0.#}")))
                .Append("\"/>");
        }

        foreach (var point in points)
        {
            var label = $"{point.Period}: {ScoreExplainer.FormatValue(indicator, point.Value!.Value, Language.Vietnamese)} – {point.Status.Vietnamese()} / {point.Status.English()}";
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point s-{point.Status.Word()}\" data-period=\"{point.Period}\" data-status=\"{point.Status.Word()}\" cx=\"{X((double)point.Period.TimePoint):0.#}\" cy=\"{Y((double)point.Value!.Value):0.#}\" r=\"4.5\" fill=\"{AlertComposer.StatusColour(point.Status)}\"><title>{encode(label)}</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The required path, sampled every half year, or empty where the method has none (no baseline, or a target to maintain).</summary>
    private static List<(double Time, double Value)> RequiredPath(Indicator indicator, double start, double end)
    {
        var definition = indicator.Definition;
        if (definition.Baseline is not { } baseline || definition.BaselineYear is not { } baselineYear || indicator.Unit.IsCategory || indicator.MeetsTarget(baseline))
        {
            return [];
        }

        var path = new List<(double, double)>();
        for (var time = start; time <= end + 1e-9; time += 0.5)
        {
            path.Add((time, ProgressMath.ExpectedValue(time, (double)baseline, baselineYear, (double)definition.Target, definition.TargetYear)));
        }

        return path;
    }

    private static (double Low, double High) Range(List<double> values)
    {
        var low = values.Min();
        var high = values.Max();
        var padding = Math.Max((high - low) * 0.15, Math.Max(Math.Abs(high) * 0.02, 0.5));
        low = Math.Max(0, low - padding);
        return (low, high + padding);
    }

    private static string Short(double value) => value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);

    private static string Id(Indicator indicator) => indicator.Code.Replace('.', '-');
}
