using System.Diagnostics.Metrics;
using Trinity.Actors.Diagnostics;

namespace Trinity.Actors.Tests;

/// <summary>Sums and counts what one Trinity instrument records while this is alive (process-wide: other tests add too).</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private double _sum;
    private long _count;

    public RecordedMeasurements(string instrument)
    {
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (i.Meter.Name == TrinityMetrics.MeterName && i.Name == instrument) listener.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => Add(value));
        _listener.Start();
    }

    public double Sum { get { lock (_gate) return _sum; } }
    public long Count { get { lock (_gate) return _count; } }

    private void Add(double value)
    {
        lock (_gate)
        {
            _sum += value;
            _count++;
        }
    }

    public void Dispose() => _listener.Dispose();
}
