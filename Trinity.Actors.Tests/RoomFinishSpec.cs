using Akka.Actor;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>Undo, deciding and the kept chat through the real RoomActor, its MatchDetector and journal.</summary>
public sealed class RoomFinishSpec(ITestOutputHelper output) : RoomActorSpecBase(output)
{
    [Fact]
    public void Undo_withdraws_the_vote_from_the_room_and_from_the_consensus()
    {
        var room = Room("u1");
        var benEvents = Subscriber();
        Create(room, "u1", "ana", Unanimous());
        Join(room, "u1", "ben", benEvents);
        var cid = Join(room, "u1", "cid");
        var title = cid.Queue[0].MediaId;
        Vote(room, "u1", "ana", title);
        Vote(room, "u1", "cid", title);

        var undone = Ask<UndoResult>(room, new UndoVote("u1", "cid", title));

        Assert.True(undone.Withdrawn);
        Assert.Equal((title, 0), (undone.NextMediaId, undone.Progress.TotalVotes));
        var withdrawn = benEvents.FishForMessage<VoteWithdrawnNotice>(_ => true, TimeSpan.FromSeconds(10));
        Assert.Equal(("cid", title, 0), (withdrawn.UserId, withdrawn.MediaId, withdrawn.Progress.TotalVotes));
        // Idempotent: nothing to withdraw any more, so nothing happens.
        Assert.False(Ask<UndoResult>(room, new UndoVote("u1", "cid", title)).Withdrawn);
        // The detector forgot cid's like: ben's like is not the last one needed.
        Assert.Null(Vote(room, "u1", "ben", title).Matched);
        Assert.Equal(title, Vote(room, "u1", "cid", title).Matched!.MediaId);
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new UndoVote("u1", "cid", title)).Code);
    }

    [Fact]
    public void The_creator_decides_and_every_subscriber_gets_the_same_pick()
    {
        var room = Room("d1");
        var anaEvents = Subscriber();
        var benEvents = Subscriber();
        Create(room, "d1", "ana", Unanimous(), anaEvents);
        var ben = Join(room, "d1", "ben", benEvents);
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new DecideNow("d1", "ana")).Code); // no like yet
        Vote(room, "d1", "ben", ben.Queue[0].MediaId);
        Assert.Equal(ErrorCodes.Forbidden, Rejected(room, new DecideNow("d1", "ben")).Code); // not the creator

        var decided = Ask<RoomSnapshot>(room, new DecideNow("d1", "ana"));

        Assert.Equal(RoomStatus.Finished, decided.Status);
        Assert.Equal((FinishReason.Decided, ben.Queue[0].MediaId), (decided.Finished!.Reason, decided.Finished.Pick!.MediaId));
        foreach (var events in new[] { anaEvents, benEvents })
        {
            var changed = events.FishForMessage<RoomStateChanged>(e => e.Status == RoomStatus.Finished, TimeSpan.FromSeconds(10));
            Assert.Equal(StateChangeReason.Decided, changed.Reason);
            var finished = events.ExpectMsg<RoomFinishedNotice>(TimeSpan.FromSeconds(10));
            Assert.Equal((changed.Seq + 1, FinishReason.Decided, ben.Queue[0].MediaId), (finished.Seq, finished.Reason, finished.Pick!.MediaId));
        }
        var again = Ask<RoomSnapshot>(room, new DecideNow("d1", "ana")).Finished!;
        Assert.Equal((decided.Finished.Pick, decided.Finished.Ranking), (again.Pick, again.Ranking), new FinishComparer());
        Assert.Equal(ErrorCodes.RoomClosed, Rejected(room, new CastVote("d1", "ana", ben.Queue[1].MediaId, VoteType.Like, null)).Code);
    }

    [Theory]
    [InlineData(100)] // rebuilt from the chat events
    [InlineData(3)] // from a snapshot plus the events after it
    public void Room_chat_arrives_with_the_snapshot_for_a_late_joiner_and_after_a_restart(int snapshotEvery)
    {
        var settings = Settings with { SnapshotEvery = snapshotEvery };
        var roomId = $"chat-{snapshotEvery}";
        var room = Room(roomId, settings);
        Create(room, roomId, "ana", Unanimous());
        Join(room, roomId, "ben", Subscriber());
        for (var i = 0; i < 55; i++)
            Ask<MessageDelivered>(room, new SendChat(roomId, i % 2 == 0 ? "ana" : "ben", $"line {i}", null));
        Ask<MessageDelivered>(room, new SendChat(roomId, "ana", "a secret", "ben"));

        var late = Join(room, roomId, "cid");
        Assert.Equal(Enumerable.Range(5, 50).Select(i => $"line {i}"), late.Chat!.Select(c => c.Text));
        Assert.Equal(("BEN", "ben"), (late.Chat![0].DisplayName, late.Chat[0].UserId));

        Watch(room);
        room.Tell(PoisonPill.Instance);
        ExpectTerminated(room);
        var recovered = Ask<RoomSnapshot>(Room(roomId, settings), new GetRoomState(roomId, "cid"));
        Assert.Equal(late.Chat.Select(c => (c.Seq, c.Text)), recovered.Chat!.Select(c => (c.Seq, c.Text)));
    }

    private sealed class FinishComparer : IEqualityComparer<(RankedTitle?, IReadOnlyList<RankedTitle>)>
    {
        public bool Equals((RankedTitle?, IReadOnlyList<RankedTitle>) x, (RankedTitle?, IReadOnlyList<RankedTitle>) y) =>
            x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((RankedTitle?, IReadOnlyList<RankedTitle>) obj) => obj.Item1?.GetHashCode() ?? 0;
    }
}
