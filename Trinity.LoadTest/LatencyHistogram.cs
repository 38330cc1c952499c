using System.Diagnostics;
using System.Text.Json.Serialization;
using HdrHistogram;

namespace Trinity.LoadTest;

/// <summary>A thread-safe HdrHistogram of latencies in microseconds (1 µs to 2 min, 3 significant digits).</summary>
public sealed class LatencyHistogram
{
    private readonly LongHistogram _histogram = new(120_000_000, 3);

    /// <summary>The percentiles kept for a percentile plot: denser towards the tail, where servers differ most.</summary>
    private static readonly double[] CurvePercentiles = [0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];

    public void RecordTicks(long stopwatchTicks)
    {
        var micros = Math.Clamp(stopwatchTicks * 1_000_000 / Stopwatch.Frequency, 1, 120_000_000);
        lock (_histogram) _histogram.RecordValue(micros);
    }

    public void RecordMicros(long micros)
    {
        lock (_histogram) _histogram.RecordValue(Math.Clamp(micros, 1, 120_000_000));
    }

    /// <param name="withCurve">Also keep <see cref="CurvePercentiles"/>, for the latencies that are plotted.</param>
    public LatencySummary Summary(bool withCurve = false)
    {
        lock (_histogram)
        {
            var n = _histogram.TotalCount;
            double Ms(double percentile) => n == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;
            var curve = withCurve && n > 0 ? CurvePercentiles.Select(p => new PercentilePoint(p, Ms(p))).ToArray() : null;
            return new LatencySummary(n, Ms(50), Ms(90), Ms(99), Ms(99.9),
                n == 0 ? 0 : _histogram.GetMaxValue() / 1000.0, n == 0 ? 0 : _histogram.GetMean() / 1000.0, curve);
        }
    }
}

/// <summary>The latency in milliseconds that <see cref="Percentile"/> percent of the samples are at or under.</summary>
public sealed record PercentilePoint(double Percentile, double Ms);

/// <summary>
/// Latency percentiles in milliseconds. <see cref="Percentiles"/> is null where no curve was kept, as in reports
/// written before it existed.
/// </summary>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max, double Mean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PercentilePoint>? Percentiles = null)
{
    /// <summary>The curve to plot: the kept percentiles, or else the few every report has (p0 is then unknown).</summary>
    public IReadOnlyList<PercentilePoint> Curve() => Percentiles ??
        (Count == 0 ? [] : [new(50, P50), new(90, P90), new(99, P99), new(99.9, P999), new(100, Max)]);
}
