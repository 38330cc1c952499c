using Akka.Actor;
using Trinity.Actors.Rooms;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>A room on the PostgreSQL journal recovers from it; skipped where no PostgreSQL is provided.</summary>
public sealed class PostgresJournalSpec(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(
    ActorTestConfig.Setup(TestPostgres.ConnectionString is { } pg
        ? ActorTestConfig.WithJournal(pg, TrinityPersistence.PostgresProvider)
        : ActorTestConfig.SerializeMessages), "postgres-spec", output)
{
    [SkippableFact]
    public void A_room_recovers_from_the_PostgreSQL_journal()
    {
        Skip.If(TestPostgres.ConnectionString is null, TestPostgres.Absent);
        var roomId = "pg-" + Guid.NewGuid().ToString("N");
        IActorRef Room() => Sys.ActorOf(RoomActor.Props(roomId, RoomActorSettings.Default with { SnapshotEvery = 4 },
            TestCatalog.Instance, new KeywordRecommender(TestCatalog.Instance)));
        var room = Room();
        room.Tell(new Messages.Commands.CreateRoom(roomId, "PGPGPG", new Domain.RoomSettings("PG", ConsensusMode.Unanimous,
            new RoomFilters(), 10, 10, false), "ana", "Ana", null));
        var created = ExpectMsg<RoomSnapshot>(TimeSpan.FromSeconds(20));
        foreach (var title in created.Queue.Take(6))
        {
            room.Tell(new Messages.Commands.CastVote(roomId, "ana", title.MediaId, VoteType.Like, null));
            ExpectMsg<VoteResult>(TimeSpan.FromSeconds(20));
        }

        Watch(room);
        room.Tell(PoisonPill.Instance);
        ExpectTerminated(room);
        Room().Tell(new GetRoomState(roomId, "ana"));

        var recovered = ExpectMsg<RoomSnapshot>(TimeSpan.FromSeconds(20));
        Assert.Equal((6, 7L), (recovered.Progress.TotalVotes, recovered.Seq));
    }
}
