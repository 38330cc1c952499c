namespace Trinity.Actors.Recommendations;

/// <summary>
/// Stops calling a failing dependency: after <c>failuresToOpen</c> consecutive failures the circuit is open
/// for <c>openFor</c> and calls are refused; then one trial call is let through (half-open), whose success
/// closes the circuit and whose failure opens it again. Thread-safe.
/// </summary>
public sealed class CircuitBreaker(int failuresToOpen, TimeSpan openFor, TimeProvider clock)
{
    public enum CircuitState { Closed, Open, HalfOpen }

    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _openUntil;
    private bool _open;
    private bool _trialRunning;

    public CircuitState State
    {
        get
        {
            lock (_lock) return !_open ? CircuitState.Closed : clock.GetUtcNow() < _openUntil ? CircuitState.Open : CircuitState.HalfOpen;
        }
    }

    /// <summary>Whether a call may go ahead now; a caller let through must report <see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (!_open) return true;
            if (clock.GetUtcNow() < _openUntil || _trialRunning) return false;
            _trialRunning = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _failures = 0;
            _open = false;
            _trialRunning = false;
        }
    }

    public void Failed()
    {
        lock (_lock)
        {
            _trialRunning = false;
            if (++_failures < Math.Max(1, failuresToOpen) && !_open) return;
            _open = true;
            _openUntil = clock.GetUtcNow() + openFor;
        }
    }
}
