using Akka.Actor;
using Trinity.Actors.Domain;

namespace Trinity.Actors.Rooms;

/// <summary>
/// Child of a RoomActor that decides consensus on the room state it is handed (immutable, so safe to read
/// here) and answers each check with the titles that now match. Local to its parent.
/// </summary>
public sealed class MatchDetector : ReceiveActor
{
    /// <summary>After a vote: only that title can have changed.</summary>
    public sealed record CheckTitle(RoomState State, string MediaId) : INoSerializationVerificationNeeded;
    /// <summary>After the eligible set shrank: any title may now match.</summary>
    public sealed record CheckAllTitles(RoomState State) : INoSerializationVerificationNeeded;
    public sealed record ConsensusChecked(IReadOnlyList<MatchDecision> Decisions) : INoSerializationVerificationNeeded;

    public MatchDetector()
    {
        Receive<CheckTitle>(c => Sender.Tell(new ConsensusChecked(Consensus.Check(c.State, c.MediaId) is { } d ? [d] : [])));
        Receive<CheckAllTitles>(c => Sender.Tell(new ConsensusChecked(Consensus.CheckAll(c.State))));
    }
}
