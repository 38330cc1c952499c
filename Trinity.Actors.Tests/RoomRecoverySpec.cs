using System.Text.Json;
using Akka.Actor;
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

    private static string Json(RoomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, TrinityJson.Options);
}
