using Akka.Actor;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Actors;

/// <summary>
/// Child of a RoomActor that holds the room's tallies and decides consensus. It mirrors the room's
/// applied events and answers each check with the titles that now match. Local to its parent.
/// </summary>
public sealed class MatchDetector : ReceiveActor
{
    /// <summary>Replaces the tallies: built by the parent from its state, then owned by this actor alone.</summary>
    public sealed record Seed(Tally Tally) : INoSerializationVerificationNeeded;
    public sealed record VoteTallied(string UserId, string MediaId, VoteType VoteType) : INoSerializationVerificationNeeded;
    public sealed record VoteForgotten(string UserId, string MediaId) : INoSerializationVerificationNeeded;
    public sealed record MemberTallied(string UserId, MemberStatus Status) : INoSerializationVerificationNeeded;
    /// <summary>After a vote: only that title can have changed.</summary>
    public sealed record CheckTitle(string MediaId) : INoSerializationVerificationNeeded;
    /// <summary>After the eligible set shrank: any title may now match.</summary>
    public sealed record CheckAllTitles : INoSerializationVerificationNeeded
    {
        public static readonly CheckAllTitles Instance = new();
    }
    public sealed record ConsensusChecked(IReadOnlyList<MatchDecision> Decisions) : INoSerializationVerificationNeeded;

    private Tally _tally = new(ConsensusMode.Unanimous);

    public MatchDetector()
    {
        Receive<Seed>(s => _tally = s.Tally);
        Receive<VoteTallied>(v => _tally.Record(v.UserId, v.MediaId, v.VoteType));
        Receive<VoteForgotten>(v => _tally.Forget(v.UserId, v.MediaId));
        Receive<MemberTallied>(m => _tally.SetMember(m.UserId, m.Status));
        Receive<CheckTitle>(c =>
            Sender.Tell(new ConsensusChecked(_tally.Check(c.MediaId) is { } d ? [d] : [])));
        Receive<CheckAllTitles>(_ => Sender.Tell(new ConsensusChecked(_tally.CheckAll())));
    }
}
