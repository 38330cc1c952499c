using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using Microsoft.Data.Sqlite;
using Trinity.Actors.Actors;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

// Temporary: run once on the code before the pure-domain change to make the journal fixture.
public sealed class MakeDomainJournalFixture(ITestOutputHelper output)
    : RoomActorSpecBase(output, ActorTestConfig.WithJournal($"Data Source={Db}", TrinityPersistence.SqliteProvider))
{
    private static readonly string Db = Path.Combine(Directory.CreateTempSubdirectory("trinity-fixture-").FullName, "trinity.db");
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);

    private IActorRef Room(string roomId) =>
        Sys.ActorOf(RoomActor.Props(roomId, Settings with { SnapshotEvery = 10 }, TestCatalog.Instance, new KeywordRecommender(TestCatalog.Instance), _clock));

    private T Step<T>(IActorRef room, object command)
    {
        _clock.Advance(TimeSpan.FromSeconds(7));
        return Ask<T>(room, command);
    }

    private static JsonNode Json(object o) => JsonSerializer.SerializeToNode(o, o.GetType(), TrinityJson.Options)!;

    [Fact]
    public void Make()
    {
        var target = Environment.GetEnvironmentVariable("TRINITY_MAKE_FIXTURE");
        if (target is null) return;
        var manifest = new JsonObject();
        const string open = "dom-open", done = "dom-done";

        // Room "open": 3 members, a match made by ben's vote, an undo, chat, suggestions, a leave; snapshots every 10 events.
        var room = Room(open);
        var anaConnection = CreateTestProbe();
        anaConnection.IgnoreMessages(m => m is not IRoomNotification);
        var ana = Step<RoomSnapshot>(room, new CreateRoom(open, "DOMAIN", Majority(), "ana", "Ana", anaConnection.Ref));
        Step<RoomSnapshot>(room, new JoinRoom(open, "ben", "Ben", null));
        Step<RoomSnapshot>(room, new JoinRoom(open, "cid", "Cid", null, "DOMAIN"));
        Step<MessageDelivered>(room, new SendChat(open, "ana", "hola, ¿qué vemos?", null));
        Step<MessageDelivered>(room, new SendChat(open, "ben", "psst", "ana"));
        var t = ana.Queue.Select(q => q.MediaId).ToArray();
        Step<VoteResult>(room, new CastVote(open, "ana", t[0], VoteType.Like, "a0"));
        var matchingVote = new CastVote(open, "ben", t[0], VoteType.Like, "b0");
        var matched = Step<VoteResult>(room, matchingVote);
        Assert.NotNull(matched.Matched);
        Step<VoteResult>(room, new CastVote(open, "ana", t[1], VoteType.Dislike, null));
        Assert.True(Step<UndoResult>(room, new UndoVote(open, "ana", t[1])).Withdrawn);
        Step<VoteResult>(room, new CastVote(open, "ana", t[1], VoteType.Like, null));
        Step<VoteResult>(room, new CastVote(open, "cid", t[2], VoteType.Dislike, null));
        Step<VoteResult>(room, new CastVote(open, "ana", t[2], VoteType.Like, null));
        Step<RecommendationsAccepted>(room, new RequestRecommendations(open, "ana", "something funny and light"));
        AwaitAssert(() => Assert.True(Ask<RoomSnapshot>(room, new GetRoomState(open, "ana")).Queue.Count > 10), TimeSpan.FromSeconds(10));
        var cidNext = Step<RoomSnapshot>(room, new GetRoomState(open, "cid"));
        Step<VoteResult>(room, new CastVote(open, "cid", cidNext.Queue[cidNext.CurrentIndex].MediaId, VoteType.Like, null));
        Step<VoteResult>(room, new CastVote(open, "ben", t[1], VoteType.Like, null));
        Step<MessageDelivered>(room, new SendChat(open, "ben", "after the suggestions", null));
        Step<LeftRoom>(room, new LeaveRoom(open, "cid"));

        // Room "done": a match, chat, then the creator decides.
        var doneRoom = Room(done);
        var doneAna = Step<RoomSnapshot>(doneRoom, new CreateRoom(done, "DONE42", Unanimous(queueSize: 5), "ana", "Ana", null));
        Step<RoomSnapshot>(doneRoom, new JoinRoom(done, "ben", "Ben", null));
        Step<MessageDelivered>(doneRoom, new SendChat(done, "ben", "done soon", null));
        Step<VoteResult>(doneRoom, new CastVote(done, "ana", doneAna.Queue[0].MediaId, VoteType.Like, null));
        Step<VoteResult>(doneRoom, new CastVote(done, "ben", doneAna.Queue[0].MediaId, VoteType.Like, null));
        Step<VoteResult>(doneRoom, new CastVote(done, "ben", doneAna.Queue[1].MediaId, VoteType.Like, null));
        Step<RoomSnapshot>(doneRoom, new DecideNow(done, "ana"));

        var snapshots = new JsonObject();
        foreach (var (roomId, r, users) in new[] { (open, room, new[] { "ana", "ben" }), (done, doneRoom, new[] { "ana", "ben" }) })
        foreach (var user in users)
            snapshots[$"{roomId}/{user}"] = Json(Ask<RoomSnapshot>(r, new GetRoomState(roomId, user)));
        var notifications = new JsonObject();
        foreach (var n in anaConnection.ReceiveWhile(TimeSpan.FromSeconds(1), m => m as IRoomNotification).Where(n => n is not null))
            notifications[n.Seq.ToString()] = new JsonObject { ["type"] = n.GetType().Name, ["event"] = Json(n) };
        manifest["clock"] = _clock.GetUtcNow().ToString("O");
        manifest["snapshots"] = snapshots;
        manifest["repeat"] = new JsonObject { ["vote"] = Json(matchingVote), ["result"] = Json(matched) };
        manifest["notifications"] = notifications;
        foreach (var r in new[] { room, doneRoom })
        {
            Watch(r);
            r.Tell(PoisonPill.Instance);
            ExpectTerminated(r);
        }
        Shutdown();

        File.Delete(target + ".db");
        using (var connection = new SqliteConnection($"Data Source={Db}"))
        {
            connection.Open();
            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{target}.db'";
            vacuum.ExecuteNonQuery();
        }
        File.WriteAllText(target + ".json", manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
