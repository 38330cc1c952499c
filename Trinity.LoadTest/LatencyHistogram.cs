using System.Diagnostics;
using HdrHistogram;

namespace Trinity.LoadTest;

/// <summary>A thread-safe HdrHistogram of latencies in microseconds (1 µs to 2 min, 3 significant digits).</summary>
public sealed class LatencyHistogram
{
    private readonly LongHistogram _histogram = new(120_000_000, 3);

    public void RecordTicks(long stopwatchTicks)
    {
        var micros = Math.Clamp(stopwatchTicks * 1_000_000 / Stopwatch.Frequency, 1, 120_000_000);
        lock (_histogram) _histogram.RecordValue(micros);
    }

    public void RecordMicros(long micros)
    {
        lock (_histogram) _histogram.RecordValue(Math.Clamp(micros, 1, 120_000_000));
    }

    public LatencySummary Summary()
    {
        lock (_histogram)
        {
            var n = _histogram.TotalCount;
            double Ms(double percentile) => n == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;
            return new LatencySummary(n, Ms(50), Ms(90), Ms(99), Ms(99.9),
                n == 0 ? 0 : _histogram.GetMaxValue() / 1000.0, n == 0 ? 0 : _histogram.GetMean() / 1000.0);
        }
    }
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max, double Mean);
