using System.Collections.Concurrent;

namespace Trinity.Actors.Gateway;

/// <summary>
/// Invite codes this node recently found to name no room, so a repeated wrong code costs no trip to its
/// entity. Node-local and bounded; an entry lives <see cref="Ttl"/>, which bounds how long a code claimed
/// meanwhile on another node stays unknown here (codes are random among 36^6, so that is rare).
/// </summary>
public sealed class UnknownInviteCodes(TimeProvider clock, int capacity = 10_000)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new();

    public bool Contains(string code)
    {
        if (!_until.TryGetValue(code, out var until)) return false;
        if (until > clock.GetUtcNow()) return true;
        _until.TryRemove(code, out _);
        return false;
    }

    public void Add(string code)
    {
        if (_until.Count >= capacity) Prune();
        _until[code] = clock.GetUtcNow() + Ttl;
    }

    public void Remove(string code) => _until.TryRemove(code, out _);

    public int Count => _until.Count;

    /// <summary>Drops what expired; if guessing keeps the cache full anyway, starts it afresh.</summary>
    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (code, until) in _until)
            if (until <= now) _until.TryRemove(code, out _);
        if (_until.Count >= capacity) _until.Clear();
    }
}
