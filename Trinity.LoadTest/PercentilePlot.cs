using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Trinity.LoadTest;

/// <summary>
/// Fan-out latency by percentile, one line per phase and server, as a PNG in the style of HdrHistogram's plots:
/// x is 1/(1 − p) on a log scale, so each extra nine (90%, 99%, 99.9%, …) gets as much room as the median, and the
/// tail — where the servers differ — is visible. Both axes are drawn as log10 of the value with ticks labelled in
/// the value itself (ScottPlot has no log axis of its own).
/// </summary>
public static class PercentilePlot
{
    public const int Width = 960, Height = 560;

    /// <summary>Decades of 1/(1 − p) on the x axis: 0% is at 10⁰, 99.99% at 10⁴; the maximum is drawn at the edge, 10⁵.</summary>
    private const double Decades = 5;

    private static readonly (double Percentile, string Label)[] XTicks =
        [(0, "0%"), (50, "50%"), (90, "90%"), (99, "99%"), (99.9, "99.9%"), (99.99, "99.99%"), (100, "max")];

    public static byte[] Png(IReadOnlyList<PhaseComparison> phases) =>
        Build(phases).GetImageBytes(Width, Height, ImageFormat.Png);

    public static Plot Build(IReadOnlyList<PhaseComparison> phases)
    {
        var lines = phases
            .SelectMany(p => new[]
            {
                (Name: $"{p.Phase} trinity", Baseline: false, Points: p.Trinity.FanOut.Curve()),
                (Name: $"{p.Phase} baseline", Baseline: true, Points: p.Baseline.FanOut.Curve()),
            })
            .Where(l => l.Points.Count > 0)
            .ToArray();
        var all = lines.SelectMany(l => l.Points).Select(point => point.Ms).ToArray();
        var yLow = Math.Floor(Math.Log10(all.DefaultIfEmpty(1).Min()));
        var yHigh = Math.Max(yLow + 1, Math.Ceiling(Math.Log10(all.DefaultIfEmpty(1000).Max())));

        var plot = new Plot();
        // Debian's fonts-dejavu-core; without it Skia falls back to whatever font it finds.
        plot.Font.Set("DejaVu Sans");
        plot.Title("Fan-out latency (vote → voteUpdate at another member) by percentile");
        plot.XLabel("percentile (log scale of 1/(1 − p))");
        plot.YLabel("latency (ms, log scale)");
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < lines.Length; i++)
        {
            var (name, baseline, points) = lines[i];
            var line = plot.Add.Scatter(points.Select(point => X(point.Percentile)).ToArray(),
                points.Select(point => Math.Log10(point.Ms)).ToArray(), palette.GetColor(i));
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            // Dashed baselines: each Trinity line and the baseline it is measured against stay apart even in grey.
            if (baseline) line.LinePattern = LinePattern.Dashed;
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(
            XTicks.Select(t => X(t.Percentile)).ToArray(), XTicks.Select(t => t.Label).ToArray());
        var yTicks = YTicks(yLow, yHigh).ToArray();
        plot.Axes.Left.TickGenerator = new NumericManual(
            yTicks.Select(Math.Log10).ToArray(), yTicks.Select(ms => ms.ToString("0.###", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimits(0, Decades, yLow, yHigh);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static double X(double percentile) =>
        percentile >= 100 ? Decades : Math.Min(Decades, -Math.Log10(1 - percentile / 100));

    /// <summary>1, 2 and 5 in each decade while they fit; over more decades, only the powers of ten.</summary>
    private static IEnumerable<double> YTicks(double low, double high) =>
        from decade in Enumerable.Range((int)low, (int)(high - low) + 1)
        from step in high - low <= 4 ? new[] { 1.0, 2, 5 } : [1.0]
        let ms = step * Math.Pow(10, decade)
        where ms <= Math.Pow(10, high)
        select ms;
}
