using System.Text.Json;
using Akka.Actor;
using Akka.Persistence;
using Trinity.Actors.Rooms;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

public sealed class RoomRecoverySpec(ITestOutputHelper output) : RoomActorSpecBase(output)
{
    [Theory]
    [InlineData(100)] // from events alone
    [InlineData(3)] // from a snapshot plus the events after it
    public void A_stopped_room_recovers_its_members_votes_matches_and_seq_from_the_journal(int snapshotEvery)
    {
        var settings = Settings with { SnapshotEvery = snapshotEvery };
        var roomId = $"recover-{snapshotEvery}";
        var room = Room(roomId, settings);
        var ana = Create(room, roomId, "ana", Unanimous(), Subscriber());
        Join(room, roomId, "ben", Subscriber());
        var firstVote = Vote(room, roomId, "ana", ana.Queue[0].MediaId, VoteType.Like, "first");
        foreach (var title in ana.Queue.Take(4))
        {
            if (title != ana.Queue[0]) Vote(room, roomId, "ana", title.MediaId, VoteType.Like);
            Vote(room, roomId, "ben", title.MediaId, title == ana.Queue[0] ? VoteType.Like : VoteType.Dislike);
        }
        var before = Ask<RoomSnapshot>(room, new GetRoomState(roomId, "ana"));

        Watch(room);
        room.Tell(PoisonPill.Instance);
        ExpectTerminated(room);
        var recovered = Room(roomId, settings);
        var after = Ask<RoomSnapshot>(recovered, new GetRoomState(roomId, "ana"));

        // Nobody is connected to the recovered room, so only presence differs.
        var offline = before with { Members = before.Members.Select(m => m with { Online = false }).ToArray() };
        Assert.Equal(Json(offline), Json(after));
        Assert.Single(after.Matches);
        // An acknowledged vote stays idempotent across the restart: a retry gets the first result.
        var retried = Vote(recovered, roomId, "ana", ana.Queue[0].MediaId, VoteType.Like, "first");
        Assert.Equal((firstVote.Progress, firstVote.NextMediaId), (retried.Progress, retried.NextMediaId));
    }

    [Fact]
    public void A_connection_that_missed_more_than_the_room_remembers_is_shown_a_gap_in_seq()
    {
        var settings = Settings with { SnapshotEvery = 3 };
        var room = Room("gap", settings);
        var ana = Create(room, "gap", "ana", Unanimous(), Subscriber());
        Join(room, "gap", "ben", Subscriber()); // seq 2, 3 (a snapshot at 3)
        Vote(room, "gap", "ana", ana.Queue[0].MediaId); // seq 4
        Vote(room, "gap", "ana", ana.Queue[1].MediaId); // seq 5
        Vote(room, "gap", "ana", ana.Queue[2].MediaId); // seq 6, a snapshot
        // The snapshot is stored after the vote's answer: wait for it, so the next incarnation starts from it.
        AwaitAssert(() => Assert.Equal(6L, LatestSnapshot(RoomActor.PersistenceIdFor("gap"))), TimeSpan.FromSeconds(10));
        Watch(room);
        room.Tell(PoisonPill.Instance);
        ExpectTerminated(room);
        var recovered = Room("gap", settings); // from the snapshot at 6: it remembers no event
        var connection = CreateTestProbe();

        recovered.Tell(new Resubscribe("gap", "ben", connection.Ref, AfterSeq: 3));

        connection.ExpectMsg<SubscribedToRoom>(s => s.RoomId == "gap");
        var next = connection.ExpectMsg<MemberStatusChanged>();
        Assert.Equal(("ben", true, 7L), (next.UserId, next.Online, next.Seq)); // 4..6 missing: the client resyncs
        // Another connection that missed as much now gets the remembered event 7: the gap shows as well.
        var second = CreateTestProbe();
        recovered.Tell(new Resubscribe("gap", "ben", second.Ref, AfterSeq: 3));
        second.ExpectMsg<SubscribedToRoom>();
        Assert.Equal(7L, second.ExpectMsg<MemberStatusChanged>().Seq);
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    private long? LatestSnapshot(string persistenceId) =>
        Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null)
            .Ask<LoadSnapshotResult>(new LoadSnapshot(persistenceId, SnapshotSelectionCriteria.Latest, long.MaxValue), TimeSpan.FromSeconds(3))
            .GetAwaiter().GetResult().Snapshot?.Metadata.SequenceNr;

    private static string Json(RoomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, TrinityJson.Options);
}
