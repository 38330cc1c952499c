namespace Trinity.Actors.Recommendations;

/// <summary>At most <c>perMinute</c> permits per room in any sliding minute. Thread-safe; forgets idle rooms.</summary>
public sealed class RoomRateLimiter(int perMinute, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int ForgetIdleAbove = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    public bool TryAcquire(string roomId)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_recent.Count > ForgetIdleAbove) ForgetIdle(now);
            if (!_recent.TryGetValue(roomId, out var times)) _recent[roomId] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && now - times.Peek() >= Window) times.Dequeue();
            if (times.Count >= perMinute) return false;
            times.Enqueue(now);
            return true;
        }
    }

    private void ForgetIdle(DateTimeOffset now)
    {
        foreach (var (roomId, times) in _recent.ToArray())
            if (times.Count == 0 || now - times.Last() >= Window) _recent.Remove(roomId);
    }
}
