using System.Collections.Concurrent;
using System.Diagnostics;

namespace Trinity.LoadTest;

/// <summary>
/// Everything a run measures. Only votes sent inside the measured window count (warm-up and drain are
/// excluded); events are matched to the vote that caused them through the send times kept here, which
/// works because every member lives in this one process.
/// </summary>
public sealed class LoadMetrics
{
    public LatencyHistogram VoteAck { get; } = new();
    public LatencyHistogram FanOut { get; } = new();
    public LatencyHistogram MatchFound { get; } = new();
    public LatencyHistogram Connect { get; } = new();

    /// <summary>Send time of each vote by (voter, mediaId).</summary>
    private readonly ConcurrentDictionary<(string UserId, string MediaId), long> _sent = new();
    /// <summary>Send time of the latest like of a title in a room: the like that completes a match.</summary>
    private readonly ConcurrentDictionary<(string RoomId, string MediaId), long> _lastLike = new();
    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public long WindowStart { get; set; } = long.MaxValue;
    public long WindowEnd { get; set; } = long.MaxValue;

    public long VotesSent;
    public long VotesAcked;
    public long VotesFailed;
    public long FanOutReceived;
    public long MatchesReceived;
    public long Reconnects;
    public long Closed;
    public long ConnectFailures;
    public long MembersOutOfTitles;

    public bool InWindow(long timestamp) => timestamp >= WindowStart && timestamp < WindowEnd;

    public long VoteSending(string roomId, string userId, string mediaId, bool like)
    {
        var now = Stopwatch.GetTimestamp();
        _sent[(userId, mediaId)] = now;
        if (like) _lastLike[(roomId, mediaId)] = now;
        if (InWindow(now)) Interlocked.Increment(ref VotesSent);
        return now;
    }

    public void VoteAcknowledged(long sentAt)
    {
        if (!InWindow(sentAt)) return;
        VoteAck.RecordTicks(Stopwatch.GetTimestamp() - sentAt);
        Interlocked.Increment(ref VotesAcked);
    }

    public void VoteFailed(long sentAt, Exception e)
    {
        var code = e.Message.Split(':', 2)[0];
        Errors.AddOrUpdate(code.Length > 60 ? e.GetType().Name : code, 1, (_, n) => n + 1);
        if (InWindow(sentAt)) Interlocked.Increment(ref VotesFailed);
    }

    /// <summary>A voteUpdate seen by <paramref name="receiver"/>; its own votes' echoes are not fan-out.</summary>
    public void VoteUpdateReceived(string receiver, string voter, string mediaId)
    {
        var now = Stopwatch.GetTimestamp();
        if (voter == receiver || !_sent.TryGetValue((voter, mediaId), out var sentAt) || !InWindow(sentAt)) return;
        FanOut.RecordTicks(now - sentAt);
        Interlocked.Increment(ref FanOutReceived);
    }

    public void MatchReceived(string roomId, string mediaId)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_lastLike.TryGetValue((roomId, mediaId), out var sentAt) || !InWindow(sentAt)) return;
        MatchFound.RecordTicks(now - sentAt);
        Interlocked.Increment(ref MatchesReceived);
    }

    public void Error(string what) => Errors.AddOrUpdate(what, 1, (_, n) => n + 1);
}
