using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using Trinity.Actors.Connections;
using Trinity.Actors.Rooms;
using Trinity.Actors.Domain;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>
/// Real rooms on a real journal, real ConnectionActors, and this node's RoomRelays between them; a small
/// stand-in for the shard region starts each room by id and can stop it (as a move or a crash does).
/// </summary>
public sealed class RoomRelaySpec(ITestOutputHelper output) : RoomActorSpecBase(output)
{
    /// <summary>
    /// Routes room messages to the room by id, starting it (from the journal) when it is not running. A room
    /// told to stop is handed over as sharding does: messages wait until it has stopped, then go to its successor.
    /// </summary>
    private sealed class Region : ReceiveActor
    {
        public sealed record StopRoom(string RoomId);

        private readonly Dictionary<string, IActorRef> _rooms = new();
        private readonly Dictionary<IActorRef, (string RoomId, List<(object Message, IActorRef Sender)> Waiting)> _stopping = new();
        private int _started;

        public Region()
        {
            Receive<StopRoom>(s =>
            {
                if (!_rooms.Remove(s.RoomId, out var room)) return;
                _stopping[room] = (s.RoomId, []);
                Context.Watch(room);
                room.Tell(PoisonPill.Instance);
            });
            Receive<Terminated>(t =>
            {
                if (!_stopping.Remove(t.ActorRef, out var stopped)) return;
                foreach (var (message, sender) in stopped.Waiting) Self.Tell(message, sender);
            });
            Receive<IWithRoomId>(m =>
            {
                var waiting = _stopping.Values.FirstOrDefault(s => s.RoomId == m.RoomId).Waiting;
                if (waiting is not null)
                {
                    waiting.Add((m, Sender));
                    return;
                }
                if (!_rooms.TryGetValue(m.RoomId, out var room))
                    _rooms[m.RoomId] = room = Context.ActorOf(RoomActor.Props(m.RoomId, Settings, TestCatalog.Instance,
                        new KeywordRecommender(TestCatalog.Instance)), $"{m.RoomId}-{++_started}");
                room.Forward(m);
            });
        }
    }

    /// <summary>Stands in for SignalR: what each connection was handed, the very objects; pushes complete at once unless stalled.</summary>
    private sealed class Sockets : IClientPush
    {
        public readonly ConcurrentDictionary<string, ConcurrentQueue<PreparedEvent>> Pushed = new();
        public readonly ConcurrentQueue<string> Disconnected = new();
        public readonly HashSet<string> Stalled = [];

        public Task PushAsync(string connectionId, IClientEvent clientEvent) => PushAsync(connectionId, new PreparedEvent(clientEvent));

        public Task PushAsync(string connectionId, PreparedEvent prepared)
        {
            Pushed.GetOrAdd(connectionId, _ => new()).Enqueue(prepared);
            return Stalled.Contains(connectionId) ? new TaskCompletionSource().Task : Task.CompletedTask;
        }

        public void Disconnect(string connectionId, string reason) => Disconnected.Enqueue(connectionId);

        public IRoomNotification[] Notifications(string connectionId) =>
            Pushed.GetValueOrDefault(connectionId)?.Select(p => p.Event).OfType<IRoomNotification>().ToArray() ?? [];
    }

    private readonly Sockets _sockets = new();
    private IActorRef _region = ActorRefs.Nobody;
    private IActorRef _relays = ActorRefs.Nobody;

    private void StartNode()
    {
        _region = Sys.ActorOf(Props.Create(() => new Region()));
        _relays = Sys.ActorOf(RoomRelays.Props(_region));
    }

    private IActorRef Connect(string connectionId, int bufferLimit = 64) =>
        Sys.ActorOf(ConnectionActor.Props(connectionId, _sockets, bufferLimit, _relays));

    /// <summary>What a hub call does: the command goes through the node's relays, the snapshot comes back.</summary>
    private RoomSnapshot CreateVia(IActorRef connection, string roomId, string userId) =>
        Ask<RoomSnapshot>(_relays, new CreateRoom(roomId, "ABC123", Unanimous(), userId, userId.ToUpperInvariant(), connection));

    private RoomSnapshot JoinVia(IActorRef connection, string roomId, string userId) =>
        Ask<RoomSnapshot>(_relays, new JoinRoom(roomId, userId, userId.ToUpperInvariant(), connection));

    private void VoteVia(string roomId, string userId, string mediaId) =>
        Ask<VoteResult>(_region, new CastVote(roomId, userId, mediaId, VoteType.Like, null));

    /// <summary>Every room event the connection was handed after <paramref name="afterSeq"/> so far, checked gapless.</summary>
    private long[] GaplessSeqs(string connectionId, long afterSeq)
    {
        // A connection that follows again before its first event asks from seq 0 and is replayed what its snapshot
        // already held (as before relays); the client skips those by seq (PROTOCOL.md section 4).
        var seqs = _sockets.Notifications(connectionId).Select(n => n.Seq).SkipWhile(seq => seq <= afterSeq).ToArray();
        Assert.Equal(Enumerable.Range((int)afterSeq + 1, seqs.Length).Select(i => (long)i), seqs);
        return seqs;
    }

    /// <summary>Presence events (a relay or room that stopped) may follow <paramref name="upTo"/>: at least that far, and gapless.</summary>
    private void AwaitSeq(string connectionId, long afterSeq, long upTo) =>
        AwaitAssert(() => Assert.True(GaplessSeqs(connectionId, afterSeq).LastOrDefault(afterSeq) >= upTo, $"{connectionId} not at {upTo} yet"),
            TimeSpan.FromSeconds(10));

    [Fact]
    public void Each_event_reaches_the_node_once_and_is_serialised_once_for_all_its_connections()
    {
        StartNode();
        using var relayed = new RecordedMeasurements("trinity.relay.events");
        var (ana, ben, cid) = (Connect("ana-1"), Connect("ben-1"), Connect("cid-1"));
        var created = CreateVia(ana, "fan", "ana");
        var benJoined = JoinVia(ben, "fan", "ben");
        var cidJoined = JoinVia(cid, "fan", "cid");
        var relayedBefore = relayed.Sum;

        var title = created.Queue[0].MediaId;
        VoteVia("fan", "ana", title);
        VoteVia("fan", "ben", title);
        var last = Ask<RoomSnapshot>(_region, new Messages.Queries.GetRoomState("fan", "ana")).Seq;

        AwaitSeq("ana-1", created.Seq, last);
        AwaitSeq("ben-1", benJoined.Seq, last);
        AwaitSeq("cid-1", cidJoined.Seq, last);
        // One delivery to this node per event, however many connections follow the room here.
        Assert.Equal(last - cidJoined.Seq, (long)(relayed.Sum - relayedBefore));
        // The same prepared object, serialised once, went to every connection.
        var afterAllJoined = _sockets.Pushed["cid-1"].Where(p => p.Event is IRoomNotification).ToArray();
        foreach (var other in new[] { "ana-1", "ben-1" })
            Assert.All(afterAllJoined, p => Assert.Contains(_sockets.Pushed[other], q => ReferenceEquals(p, q)));
        var stats = Ask<Messages.Queries.RoomStats>(_region, new Messages.Queries.GetRoomStats("fan"));
        Assert.Equal(3, stats.OnlineMembers);
    }

    [Fact]
    public void A_member_goes_offline_when_their_last_connection_on_the_node_closes()
    {
        StartNode();
        var (ana, ben, ben2) = (Connect("ana-1"), Connect("ben-1"), Connect("ben-2"));
        var created = CreateVia(ana, "presence", "ana");
        JoinVia(ben, "presence", "ben");
        JoinVia(ben2, "presence", "ben");

        Sys.Stop(ben);
        VoteVia("presence", "ana", created.Queue[0].MediaId); // a later event: ben's going offline would come before it
        AwaitAssert(() => Assert.Contains(_sockets.Notifications("ana-1"), n => n is VoteUpdate), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(_sockets.Notifications("ana-1"), n => n is MemberStatusChanged { UserId: "ben", Online: false });

        Sys.Stop(ben2);
        AwaitAssert(() => Assert.Contains(_sockets.Notifications("ana-1"), n => n is MemberStatusChanged { UserId: "ben", Online: false }),
            TimeSpan.FromSeconds(10));
        AwaitAssert(() => Assert.Equal(1, Ask<Messages.Queries.RoomStats>(_region, new Messages.Queries.GetRoomStats("presence")).OnlineMembers),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_private_message_reaches_only_the_addressees_connections()
    {
        StartNode();
        var (ana, ana2, ben) = (Connect("ana-1"), Connect("ana-2"), Connect("ben-1"));
        CreateVia(ana, "psst", "ana");
        JoinVia(ana2, "psst", "ana");
        JoinVia(ben, "psst", "ben");

        Assert.True(Ask<MessageDelivered>(_region, new SendChat("psst", "ben", "hello", "ana")).Delivered);

        foreach (var connection in new[] { "ana-1", "ana-2" })
            AwaitAssert(() => Assert.Contains(_sockets.Pushed[connection], p => p.Event is PrivateMessage { Text: "hello", FromUserId: "ben" }),
                TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(_sockets.Pushed.GetValueOrDefault("ben-1") ?? new(), p => p.Event is PrivateMessage);
    }

    [Fact]
    public void Connections_follow_a_relay_that_failed_again_and_miss_nothing()
    {
        StartNode();
        var (ana, ben) = (Connect("ana-1"), Connect("ben-1"));
        var created = CreateVia(ana, "crash", "ana");
        var joined = JoinVia(ben, "crash", "ben");
        var relay = RelayOf("crash");

        relay.Tell(Kill.Instance);
        for (var i = 0; i < 5; i++) VoteVia("crash", "ana", created.Queue[i].MediaId);
        var last = Ask<RoomSnapshot>(_region, new Messages.Queries.GetRoomState("crash", "ana")).Seq;

        AwaitSeq("ana-1", created.Seq, last);
        AwaitSeq("ben-1", joined.Seq, last);
        Assert.NotEqual(relay, RelayOf("crash"));
    }

    [Fact]
    public void The_relay_follows_a_room_that_stopped_and_moved_and_its_connections_miss_nothing()
    {
        StartNode();
        var (ana, ben) = (Connect("ana-1"), Connect("ben-1"));
        var created = CreateVia(ana, "move", "ana");
        var joined = JoinVia(ben, "move", "ben");
        VoteVia("move", "ana", created.Queue[0].MediaId);

        _region.Tell(new Region.StopRoom("move"));
        // Votes to the room wherever it now runs; the relay follows it again on its own.
        for (var i = 1; i < 4; i++) VoteVia("move", "ben", created.Queue[i].MediaId);
        var last = Ask<RoomSnapshot>(_region, new Messages.Queries.GetRoomState("move", "ana")).Seq;

        AwaitSeq("ana-1", created.Seq, last);
        AwaitSeq("ben-1", joined.Seq, last);
        Assert.Empty(_sockets.Disconnected);
    }

    [Fact]
    public void A_slow_connection_is_cut_off_and_the_others_on_the_node_keep_receiving()
    {
        StartNode();
        _sockets.Stalled.Add("ben-1");
        var (ana, ben) = (Connect("ana-1"), Connect("ben-1", bufferLimit: 3));
        var created = CreateVia(ana, "slow", "ana");
        JoinVia(ben, "slow", "ben");

        for (var i = 0; i < 8; i++) VoteVia("slow", "ana", created.Queue[i].MediaId);
        var last = Ask<RoomSnapshot>(_region, new Messages.Queries.GetRoomState("slow", "ana")).Seq;

        AwaitSeq("ana-1", created.Seq, last);
        AwaitAssert(() => Assert.Equal(["ben-1"], _sockets.Disconnected), TimeSpan.FromSeconds(10));
    }

    /// <summary>The relay that sends the connection its events now (it tells the connection so).</summary>
    private IActorRef RelayOf(string roomId)
    {
        var probe = CreateTestProbe();
        _relays.Tell(new Resubscribe(roomId, "ana", probe.Ref, long.MaxValue));
        probe.ExpectMsg<SubscribedToRoom>(TimeSpan.FromSeconds(10));
        var relay = probe.LastSender;
        Sys.Stop(probe.Ref);
        return relay;
    }
}
