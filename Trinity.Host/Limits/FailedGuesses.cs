using System.Collections.Concurrent;

namespace Trinity.Host.Limits;

/// <summary>
/// Wrong invite codes per client address. The count leaks one failure per <c>ForgiveEvery</c>; past
/// <c>FreeFailures</c> each failure locks the address out, <c>Lockout</c> doubled per extra failure up
/// to <c>MaxLockout</c>. A guesser settles near one guess per <c>ForgiveEvery</c>; a group behind one
/// address that mistypes now and then never notices.
/// </summary>
public sealed class FailedGuesses(InviteCodeLimits limits, TimeProvider clock)
{
    private sealed class Record
    {
        public double Failures;
        public DateTimeOffset CountedAt;
        public DateTimeOffset LockedUntil;
    }

    /// <summary>Records are pruned when there are this many (forgiven ones go), then at twice what is left.</summary>
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Record> _byAddress = new();
    private int _pruneAt = PruneAbove;

    /// <summary>How long the address must still wait, or null when it may try a code.</summary>
    public TimeSpan? LockedFor(string address)
    {
        if (!_byAddress.TryGetValue(address, out var record)) return null;
        lock (record)
        {
            var left = record.LockedUntil - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void Failed(string address)
    {
        if (_byAddress.Count > _pruneAt) Prune();
        var record = _byAddress.GetOrAdd(address, _ => new Record());
        var now = clock.GetUtcNow();
        lock (record)
        {
            record.Failures = Forgiven(record, now) + 1;
            record.CountedAt = now;
            var beyond = (int)Math.Ceiling(record.Failures) - limits.FreeFailures;
            if (beyond <= 0) return;
            var lockout = limits.Lockout * Math.Pow(2, Math.Min(beyond - 1, 30));
            record.LockedUntil = now + (lockout < limits.MaxLockout ? lockout : limits.MaxLockout);
        }
    }

    private double Forgiven(Record record, DateTimeOffset now) =>
        Math.Max(0, record.Failures - (now - record.CountedAt) / limits.ForgiveEvery);

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (address, record) in _byAddress)
            lock (record)
                if (Forgiven(record, now) == 0 && record.LockedUntil <= now) _byAddress.TryRemove(address, out _);
        _pruneAt = Math.Max(PruneAbove, 2 * _byAddress.Count);
    }
}
