using System.Globalization;
using System.Security;
using System.Text;

namespace Trinity.LoadTest;

/// <summary>
/// Fan-out latency by percentile, one line per phase and server, as an SVG in the style of HdrHistogram's plots:
/// x is 1/(1 − p) on a log scale, so each extra nine (90%, 99%, 99.9%, …) gets as much room as the median, and the
/// tail — where the servers differ — is visible. Written by hand: the plotting libraries need native code.
/// </summary>
public static class PercentilePlot
{
    /// <summary>The picture's size in pixels; scripts/loadtest.sh screenshots it at this size.</summary>
    private const int Width = 960, Height = 560;

    private const int Left = 70, Top = 50, PlotWidth = 700, PlotHeight = 450;

    /// <summary>Decades of 1/(1 − p) on the x axis: 0% is at 10⁰, 99.99% at 10⁴; the maximum is drawn at the edge, 10⁵.</summary>
    private const double Decades = 5;

    private static readonly (double Percentile, string Label)[] XTicks =
        [(0, "0%"), (50, "50%"), (90, "90%"), (99, "99%"), (99.9, "99.9%"), (99.99, "99.99%"), (100, "max")];

    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#e377c2"];

    public static string Svg(IReadOnlyList<PhaseComparison> phases)
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

        double X(double percentile) =>
            Left + PlotWidth * (percentile >= 100 ? 1 : Math.Min(1, -Math.Log10(1 - percentile / 100) / Decades));
        double Y(double ms) => Top + PlotHeight * (yHigh - Math.Log10(ms)) / (yHigh - yLow);

        var s = new StringBuilder();
        void Add(FormattableString element) => s.AppendLine(element.ToString(CultureInfo.InvariantCulture));
        Add($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" font-family="sans-serif" font-size="13">""");
        Add($"""<rect width="{Width}" height="{Height}" fill="white"/>""");
        Add($"""<text x="{Left + PlotWidth / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">Fan-out latency (vote → voteUpdate at another member) by percentile</text>""");

        foreach (var (percentile, label) in XTicks)
        {
            var x = X(percentile);
            Add($"""<line x1="{x:0.#}" y1="{Top}" x2="{x:0.#}" y2="{Top + PlotHeight}" stroke="#ddd"/>""");
            Add($"""<text x="{x:0.#}" y="{Top + PlotHeight + 18}" text-anchor="middle">{label}</text>""");
        }
        foreach (var ms in YTicks(yLow, yHigh))
        {
            var y = Y(ms);
            Add($"""<line x1="{Left}" y1="{y:0.#}" x2="{Left + PlotWidth}" y2="{y:0.#}" stroke="#ddd"/>""");
            Add($"""<text x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end">{ms:0.###}</text>""");
        }
        Add($"""<rect x="{Left}" y="{Top}" width="{PlotWidth}" height="{PlotHeight}" fill="none" stroke="#333"/>""");
        Add($"""<text x="{Left + PlotWidth / 2}" y="{Height - 12}" text-anchor="middle">percentile (log scale of 1/(1 − p))</text>""");
        Add($"""<text transform="translate(18 {Top + PlotHeight / 2}) rotate(-90)" text-anchor="middle">latency (ms, log scale)</text>""");

        for (var i = 0; i < lines.Length; i++)
        {
            var (name, baseline, points) = lines[i];
            var colour = Colours[i % Colours.Length];
            // Dashed baselines: each Trinity line and the baseline it is measured against stay apart even in grey.
            var dash = baseline ? " stroke-dasharray=\"7 4\"" : "";
            var path = string.Join(" ", points.Select(point => string.Create(CultureInfo.InvariantCulture, $"{X(point.Percentile):0.#},{Y(point.Ms):0.#}")));
            Add($"""<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>""");
            foreach (var point in points)
                Add($"""<circle cx="{X(point.Percentile):0.#}" cy="{Y(point.Ms):0.#}" r="3" fill="{colour}"/>""");
            var legendY = Top + 14 + 24 * i;
            Add($"""<line x1="{Left + PlotWidth + 16}" y1="{legendY}" x2="{Left + PlotWidth + 46}" y2="{legendY}" stroke="{colour}" stroke-width="2"{dash}/>""");
            Add($"""<text x="{Left + PlotWidth + 52}" y="{legendY + 4}">{SecurityElement.Escape(name)}</text>""");
        }
        s.AppendLine("</svg>");
        return s.ToString();
    }

    /// <summary>1, 2 and 5 in each decade while they fit; over more decades, only the powers of ten.</summary>
    private static IEnumerable<double> YTicks(double low, double high) =>
        from decade in Enumerable.Range((int)low, (int)(high - low) + 1)
        from step in high - low <= 4 ? new[] { 1.0, 2, 5 } : [1.0]
        let ms = step * Math.Pow(10, decade)
        where ms <= Math.Pow(10, high)
        select ms;
}
