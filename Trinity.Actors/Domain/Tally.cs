using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

public sealed record MatchDecision(string MediaId, IReadOnlyList<string> Participants);

/// <summary>
/// The likes per title and who may vote, kept incrementally so a consensus check after a vote
/// looks at one title only. Wrapped by the MatchDetector actor; plain so it can be tested alone.
/// </summary>
public sealed class Tally(ConsensusMode mode)
{
    private readonly Dictionary<string, HashSet<string>> _likes = new();
    private readonly Dictionary<string, MemberStatus> _roster = new();
    private readonly HashSet<string> _matched = new();

    public static Tally Of(RoomState state)
    {
        var tally = new Tally(state.Settings?.Consensus ?? ConsensusMode.Unanimous);
        foreach (var m in state.Members) tally.SetMember(m.UserId, m.Status);
        foreach (var (userId, votes) in state.Votes)
        foreach (var (mediaId, vote) in votes)
            tally.Record(userId, mediaId, vote.VoteType);
        foreach (var match in state.Matches) tally._matched.Add(match.MediaId);
        return tally;
    }

    public void SetMember(string userId, MemberStatus status) => _roster[userId] = status;

    public void Record(string userId, string mediaId, VoteType vote)
    {
        if (vote != VoteType.Like) return;
        if (!_likes.TryGetValue(mediaId, out var likers)) _likes[mediaId] = likers = new HashSet<string>();
        likers.Add(userId);
    }

    /// <summary>A withdrawn vote no longer counts.</summary>
    public void Forget(string userId, string mediaId)
    {
        if (_likes.TryGetValue(mediaId, out var likers)) likers.Remove(userId);
    }

    /// <summary>Checks one title (after a vote on it); a title matches at most once.</summary>
    public MatchDecision? Check(string mediaId)
    {
        if (_matched.Contains(mediaId) || !_likes.TryGetValue(mediaId, out var likes)) return null;
        var likers = likes.Where(u => _roster.GetValueOrDefault(u, MemberStatus.Left) != MemberStatus.Left).ToHashSet();
        var eligible = _roster.Where(r => r.Value == MemberStatus.Active).Select(r => r.Key).ToHashSet();
        if (!Consensus.IsMatch(mode, eligible, likers)) return null;
        _matched.Add(mediaId);
        return new MatchDecision(mediaId, likers.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Checks every title (after the eligible set shrank), in a stable order.</summary>
    public IReadOnlyList<MatchDecision> CheckAll() =>
        _likes.Keys.Order(StringComparer.Ordinal).ToArray().Select(Check).OfType<MatchDecision>().ToArray();
}
