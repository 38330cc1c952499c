using Akka.Actor;
using Trinity.Actors.Actors;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

public sealed class MatchDetectorSpec(ITestOutputHelper output) : ActorSpecBase(output)
{
    [Fact]
    public void Decides_a_title_once_every_active_member_liked_it()
    {
        var detector = Sys.ActorOf(Props.Create<MatchDetector>());
        detector.Tell(new MatchDetector.Seed(new Tally(ConsensusMode.Unanimous)));
        detector.Tell(new MatchDetector.MemberTallied("ana", MemberStatus.Active));
        detector.Tell(new MatchDetector.MemberTallied("ben", MemberStatus.Active));
        detector.Tell(new MatchDetector.VoteTallied("ana", "m1", VoteType.Like));

        detector.Tell(new MatchDetector.CheckTitle("m1"));
        Assert.Empty(ExpectMsg<MatchDetector.ConsensusChecked>().Decisions);

        detector.Tell(new MatchDetector.VoteTallied("ben", "m1", VoteType.Like));
        detector.Tell(new MatchDetector.CheckTitle("m1"));
        Assert.Equal([new MatchDecision("m1", ["ana", "ben"])], ExpectMsg<MatchDetector.ConsensusChecked>().Decisions.ToArray(),
            new DecisionComparer());

        detector.Tell(new MatchDetector.CheckTitle("m1"));
        Assert.Empty(ExpectMsg<MatchDetector.ConsensusChecked>().Decisions); // a title matches at most once
    }

    [Fact]
    public void Rechecks_every_title_when_the_eligible_set_shrinks()
    {
        var detector = Sys.ActorOf(Props.Create<MatchDetector>());
        detector.Tell(new MatchDetector.Seed(new Tally(ConsensusMode.Unanimous)));
        foreach (var user in new[] { "ana", "ben", "cid" }) detector.Tell(new MatchDetector.MemberTallied(user, MemberStatus.Active));
        foreach (var title in new[] { "m1", "m2" })
        {
            detector.Tell(new MatchDetector.VoteTallied("ana", title, VoteType.Like));
            detector.Tell(new MatchDetector.VoteTallied("ben", title, VoteType.Like));
        }

        detector.Tell(new MatchDetector.MemberTallied("cid", MemberStatus.Inactive));
        detector.Tell(MatchDetector.CheckAllTitles.Instance);

        Assert.Equal(["m1", "m2"], ExpectMsg<MatchDetector.ConsensusChecked>().Decisions.Select(d => d.MediaId));
    }

    private sealed class DecisionComparer : IEqualityComparer<MatchDecision>
    {
        public bool Equals(MatchDecision? x, MatchDecision? y) =>
            x!.MediaId == y!.MediaId && x.Participants.SequenceEqual(y.Participants);

        public int GetHashCode(MatchDecision obj) => obj.MediaId.GetHashCode();
    }
}
