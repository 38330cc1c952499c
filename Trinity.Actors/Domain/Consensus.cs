using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

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
}
