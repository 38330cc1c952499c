using Akka.Actor;
using Trinity.Actors.Rooms;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

public sealed class MatchDetectorSpec(ITestOutputHelper output) : ActorSpecBase(output)
{
    private static readonly DateTime At = new(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
    private long _seq;

    /// <summary>A unanimous room of titles m1 and m2 with these members, all active.</summary>
    private RoomState Room(params string[] users)
    {
        var settings = new RoomSettings("Friday", ConsensusMode.Unanimous, new RoomFilters(), 10, 5, false);
        var titles = new[] { "m1", "m2" }.Select(id => new MediaItem(id, id, 2000, MediaType.Movie, ["drama"], "", 7)).ToArray();
        var state = new RoomState().Apply(new RoomCreated(++_seq, At, "r1", "ABC123", settings, users[0], users[0], true, titles));
        return users.Skip(1).Aggregate(state, (s, user) => s.Apply(new MemberJoined(++_seq, At, user, user, true)));
    }

    private RoomState Like(RoomState s, string userId, string mediaId) => s.Apply(new VoteCast(++_seq, At, userId, mediaId, VoteType.Like, null));

    [Fact]
    public void Decides_a_title_once_every_active_member_liked_it()
    {
        var detector = Sys.ActorOf(Props.Create<MatchDetector>());
        var state = Like(Room("ana", "ben"), "ana", "m1");

        detector.Tell(new MatchDetector.CheckTitle(state, "m1"));
        Assert.Empty(ExpectMsg<MatchDetector.ConsensusChecked>().Decisions);

        state = Like(state, "ben", "m1");
        detector.Tell(new MatchDetector.CheckTitle(state, "m1"));
        Assert.Equal([new MatchDecision("m1", ["ana", "ben"])], ExpectMsg<MatchDetector.ConsensusChecked>().Decisions.ToArray(),
            new DecisionComparer());

        state = state.Apply(new MatchFound(++_seq, At, "m1", "m1", ["ana", "ben"], ConsensusMode.Unanimous, "ben"));
        detector.Tell(new MatchDetector.CheckTitle(state, "m1"));
        Assert.Empty(ExpectMsg<MatchDetector.ConsensusChecked>().Decisions); // a title matches at most once
    }

    [Fact]
    public void Rechecks_every_title_when_the_eligible_set_shrinks()
    {
        var detector = Sys.ActorOf(Props.Create<MatchDetector>());
        var state = Room("ana", "ben", "cid");
        foreach (var title in new[] { "m1", "m2" })
            state = Like(Like(state, "ana", title), "ben", title);

        state = state.Apply(new MemberPresenceChanged(++_seq, At, "cid", MemberStatus.Inactive, false));
        detector.Tell(new MatchDetector.CheckAllTitles(state));

        Assert.Equal(["m1", "m2"], ExpectMsg<MatchDetector.ConsensusChecked>().Decisions.Select(d => d.MediaId));
    }

    private sealed class DecisionComparer : IEqualityComparer<MatchDecision>
    {
        public bool Equals(MatchDecision? x, MatchDecision? y) =>
            x!.MediaId == y!.MediaId && x.Participants.SequenceEqual(y.Participants);

        public int GetHashCode(MatchDecision obj) => obj.MediaId.GetHashCode();
    }
}
