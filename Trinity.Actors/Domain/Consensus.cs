using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

public sealed record MatchDecision(string MediaId, IReadOnlyList<string> Participants);

/// <summary>The consensus rules of docs/PROTOCOL.md section 5, as pure functions.</summary>
public static class Consensus
{
    /// <summary>Fewer likes than this never make a match, whatever the mode.</summary>
    public const int MinimumLikes = 2;

    /// <param name="eligible">members whose status is active</param>
    /// <param name="likers">current members (not left) who liked the title</param>
    public static bool IsMatch(ConsensusMode mode, IReadOnlySet<string> eligible, IReadOnlySet<string> likers)
    {
        if (likers.Count < MinimumLikes || eligible.Count == 0) return false;
        var eligibleLikes = eligible.Count(likers.Contains);
        return mode switch
        {
            ConsensusMode.Unanimous => eligibleLikes == eligible.Count,
            ConsensusMode.Majority => eligibleLikes * 2 > eligible.Count,
            _ => false,
        };
    }

    /// <summary>Whether one title now matches (after a vote on it); a title matches at most once.</summary>
    public static MatchDecision? Check(RoomState s, string mediaId)
    {
        if (s.IsMatched(mediaId)) return null;
        var likers = s.Likers(mediaId);
        if (!IsMatch(s.Settings?.Consensus ?? ConsensusMode.Unanimous, s.EligibleVoters(), likers)) return null;
        return new MatchDecision(mediaId, likers.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Every title that now matches (after the eligible set shrank), in a stable order.</summary>
    public static IReadOnlyList<MatchDecision> CheckAll(RoomState s) =>
        s.Votes.Values.SelectMany(votes => votes).Where(v => v.Value.VoteType == VoteType.Like).Select(v => v.Key)
            .Distinct().Order(StringComparer.Ordinal).Select(mediaId => Check(s, mediaId)).OfType<MatchDecision>().ToArray();
}
