using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

/// <summary>A title that may end up the pick: its likes and, when it matched, when.</summary>
public sealed record Candidate(string MediaId, string Title, int Likes, DateTime? MatchedAt);

/// <summary>How a room's ending is worked out (docs/PROTOCOL.md section 5, "Finishing"), as pure functions.</summary>
public static class Finishing
{
    /// <summary>
    /// Most likes first, then the earliest match; what is still tied is ordered by a hash of the room and
    /// the title, so every member, node and replay gets the same order whatever order the input came in.
    /// </summary>
    public static IReadOnlyList<RankedTitle> Rank(string roomId, IEnumerable<Candidate> candidates) =>
        candidates
            .OrderByDescending(c => c.Likes)
            .ThenBy(c => c.MatchedAt ?? DateTime.MaxValue)
            .ThenBy(c => StableShuffle.Seed(roomId, "rank", c.MediaId))
            .ThenBy(c => c.MediaId, StringComparer.Ordinal)
            .Select(c => new RankedTitle(c.MediaId, c.Title, c.Likes, c.MatchedAt is not null))
            .ToArray();

    /// <summary>The matches when there are any; otherwise every liked title, so the closest call can be the pick.</summary>
    public static IEnumerable<Candidate> Candidates(RoomState s)
    {
        if (s.Matches.Count > 0)
            return s.Matches.Select(m => new Candidate(m.MediaId, m.MediaTitle, s.Likers(m.MediaId).Count, m.MatchedAt));
        return s.Titles
            .Select(t => new Candidate(t.MediaId, t.Title, s.Likers(t.MediaId).Count, null))
            .Where(c => c.Likes > 0);
    }

    public static RoomFinish For(RoomState s, FinishReason reason)
    {
        var ranking = Rank(s.RoomId, Candidates(s));
        return new RoomFinish(reason, ranking.FirstOrDefault(), ranking);
    }

    /// <summary>There is something to pick: a match or at least one like.</summary>
    public static bool CanDecide(RoomState s) => Candidates(s).Any();

    /// <summary>The finish a status change to finished stands for; none when everyone left.</summary>
    public static FinishReason? ReasonFor(StateChangeReason reason) => reason switch
    {
        StateChangeReason.FirstMatch => FinishReason.Match,
        StateChangeReason.Decided => FinishReason.Decided,
        StateChangeReason.Exhausted => FinishReason.Exhausted,
        StateChangeReason.Closed => FinishReason.Closed,
        _ => null,
    };
}
