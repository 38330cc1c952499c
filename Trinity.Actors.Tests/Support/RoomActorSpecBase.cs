using Akka.Actor;
using Akka.TestKit;
using Trinity.Actors.Connections;
using Trinity.Actors.Rooms;
using Trinity.Actors.Domain;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>TestKit on a real journal (SQLite, or the suite's PostgreSQL), with the few steps every room test takes.</summary>
public abstract class RoomActorSpecBase(ITestOutputHelper output, Akka.Configuration.Config? journal = null)
    : Akka.TestKit.Xunit2.TestKit(ActorTestConfig.Setup(journal ?? ActorTestConfig.WithJournal(ActorTestConfig.NewDatabaseFile())), "room-spec", output)
{
    protected static readonly RoomActorSettings Settings = RoomActorSettings.Default;

    protected IActorRef Room(string roomId, RoomActorSettings? settings = null) =>
        Sys.ActorOf(RoomActor.Props(roomId, settings ?? Settings, TestCatalog.Instance, new KeywordRecommender(TestCatalog.Instance)));

    /// <summary>A stand-in ConnectionActor: it sees the room's events (the subscription notice is taken as read).</summary>
    protected TestProbe Subscriber()
    {
        var probe = CreateTestProbe();
        probe.IgnoreMessages(m => m is SubscribedToRoom);
        return probe;
    }

    protected static RoomSettings Unanimous(int maxMembers = 10, int queueSize = 10, bool endOnFirstMatch = false) =>
        new("Friday", ConsensusMode.Unanimous, new RoomFilters(), maxMembers, queueSize, endOnFirstMatch);

    protected static RoomSettings Majority(int queueSize = 10) =>
        new("Friday", ConsensusMode.Majority, new RoomFilters(), 10, queueSize, false);

    protected RoomSnapshot Create(IActorRef room, string roomId, string userId, RoomSettings settings, TestProbe? subscriber = null) =>
        Ask<RoomSnapshot>(room, new CreateRoom(roomId, "ABC123", settings, userId, userId.ToUpperInvariant(), subscriber?.Ref));

    protected RoomSnapshot Join(IActorRef room, string roomId, string userId, TestProbe? subscriber = null) =>
        Ask<RoomSnapshot>(room, new JoinRoom(roomId, userId, userId.ToUpperInvariant(), subscriber?.Ref));

    protected VoteResult Vote(IActorRef room, string roomId, string userId, string mediaId, VoteType vote = VoteType.Like, string? voteId = null) =>
        Ask<VoteResult>(room, new CastVote(roomId, userId, mediaId, vote, voteId));

    /// <summary>Sends a command and takes its answer, both through the real serializer as between nodes.</summary>
    protected T Ask<T>(IActorRef room, object message)
    {
        room.Tell(OverTheWire(message), TestActor);
        return OverTheWire(ExpectMsg<T>(TimeSpan.FromSeconds(10)));
    }

    protected T OverTheWire<T>(T message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        return (T)Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier,
            Akka.Serialization.Serialization.ManifestFor(serializer, message!));
    }

    protected CommandRejected Rejected(IActorRef room, object message) => Ask<CommandRejected>(room, message);

    /// <summary>Receives notifications until one of type T arrives, checking that seq never skips.</summary>
    protected static T ExpectEvent<T>(TestProbe probe, ref long lastSeq) where T : IRoomNotification
    {
        while (true)
        {
            var e = probe.ExpectMsg<IRoomNotification>(TimeSpan.FromSeconds(10));
            Assert.Equal(lastSeq + 1, e.Seq);
            lastSeq = e.Seq;
            if (e is T wanted) return wanted;
        }
    }
}
