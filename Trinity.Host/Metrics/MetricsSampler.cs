using System.Diagnostics.Metrics;
using Trinity.Actors.Diagnostics;

namespace Trinity.Host.Metrics;

/// <summary>One point of the dashboard's charts: what happened on this node during one sampling interval.</summary>
/// <param name="FanOutP50Ms">median room-event fan-out latency in the interval; null when nothing was pushed</param>
public sealed record MetricsSample(DateTime At, double VotesPerSecond, long Connections, double MatchesPerMinute,
    double? FanOutP50Ms, double? FanOutP99Ms);

/// <summary>The answer of <c>GET /api/admin/metrics/recent</c>: samples oldest first.</summary>
public sealed record RecentMetrics(double IntervalSeconds, IReadOnlyList<MetricsSample> Samples);

/// <summary>
/// Listens to the <see cref="TrinityMetrics"/> instruments and keeps the last <see cref="Window"/> as samples every
/// <see cref="Interval"/>, so the dashboard can chart the recent past without a Prometheus server. Memory is bounded:
/// <see cref="Window"/>/<see cref="Interval"/> samples and at most <see cref="MaxLatencies"/> latencies (a uniform
/// reservoir) per interval. The meters are process-wide, like <c>/metrics</c>: nodes sharing a process share them.
/// </summary>
public sealed class MetricsSampler : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxLatencies = 4096;
    private static readonly int Capacity = (int)(Window / Interval);

    private readonly TimeProvider _clock;
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Queue<MetricsSample> _samples = new();
    private readonly List<double> _latencies = [];
    private long _latenciesSeen;
    private long _votes, _matches, _connections;
    private DateTimeOffset _intervalStart;

    public MetricsSampler(TimeProvider clock)
    {
        _clock = clock;
        _intervalStart = clock.GetUtcNow();
        // Read before the listener starts: instruments are published while TrinityMetrics initialises, when its fields are still null.
        Instrument[] sampled = [TrinityMetrics.Votes, TrinityMetrics.Matches, TrinityMetrics.Connections, TrinityMetrics.FanOutLatency];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (sampled.Contains(instrument)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument == TrinityMetrics.Votes) Interlocked.Add(ref _votes, value);
            else if (instrument == TrinityMetrics.Matches) Interlocked.Add(ref _matches, value);
            else Interlocked.Add(ref _connections, value);
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => AddLatency(value));
        _listener.Start();
    }

    public RecentMetrics Recent()
    {
        lock (_gate) return new RecentMetrics(Interval.TotalSeconds, _samples.ToArray());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Sample();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Sample()
    {
        var now = _clock.GetUtcNow();
        var seconds = Math.Max((now - _intervalStart).TotalSeconds, 0.001);
        _intervalStart = now;
        var votes = Interlocked.Exchange(ref _votes, 0);
        var matches = Interlocked.Exchange(ref _matches, 0);
        double[] latencies;
        lock (_gate)
        {
            latencies = [.. _latencies];
            _latencies.Clear();
            _latenciesSeen = 0;
        }
        Array.Sort(latencies);
        var sample = new MetricsSample(now.UtcDateTime, votes / seconds, Interlocked.Read(ref _connections), matches * 60 / seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        lock (_gate)
        {
            _samples.Enqueue(sample);
            while (_samples.Count > Capacity) _samples.Dequeue();
        }
    }

    private void AddLatency(double milliseconds)
    {
        lock (_gate)
        {
            _latenciesSeen++;
            if (_latencies.Count < MaxLatencies) _latencies.Add(milliseconds);
            else if (Random.Shared.NextInt64(_latenciesSeen) is var slot && slot < MaxLatencies) _latencies[(int)slot] = milliseconds;
        }
    }

    private static double? Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }
}
