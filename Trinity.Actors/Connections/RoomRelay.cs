using Akka.Actor;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Connections;

/// <summary>
/// One room's relay on this node: the room's only subscriber here, for every user with a connection on this
/// node in the room. Each event crosses to the node once and is serialised once (<see cref="PreparedEvent"/>),
/// then handed to each of those connections, which keep their own seq and slow-client bound.
/// A connection joins through the relay: the relay holds it until the room confirms its user, so it sees
/// exactly the events after its snapshot. When the room stops (moved, node died, storage failed) the relay
/// follows it again with the last seq it saw, and the room replays what it still has; connections watch
/// the relay and, should it stop, ask for another with their own last seq.
/// </summary>
public sealed class RoomRelay : ReceiveActor, IWithTimers
{
    /// <summary>Time to ask the stopped room again to follow it for a user.</summary>
    private sealed record FollowAgain(string UserId, int Attempt) : INoSerializationVerificationNeeded;

    /// <summary>Told to the parent when the relay has no connection left; it answers <see cref="StopIfIdle"/>.</summary>
    public sealed record Idle(string RoomId) : INoSerializationVerificationNeeded;

    public sealed class StopIfIdle : INoSerializationVerificationNeeded
    {
        public static readonly StopIfIdle Instance = new();
    }

    /// <summary>Recent events, for a connection that follows the relay again after it stopped.</summary>
    private const int RecentLimit = 64;

    private readonly string _roomId;
    private readonly IActorRef _region;
    /// <summary>Connections the relay passes events to, and their users.</summary>
    private readonly Dictionary<IActorRef, string> _connections = new();
    /// <summary>Connections waiting for the room to confirm their user; AfterSeq is null for a join (no replay).</summary>
    private readonly Dictionary<IActorRef, (string UserId, long? AfterSeq)> _waiting = new();
    /// <summary>Users the room now follows through this relay.</summary>
    private readonly HashSet<string> _confirmed = [];
    private readonly Queue<PreparedEvent> _recent = new();
    private IActorRef? _room;
    private long _lastSeq;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string roomId, IActorRef region) => Akka.Actor.Props.Create(() => new RoomRelay(roomId, region));

    public RoomRelay(string roomId, IActorRef region)
    {
        _roomId = roomId;
        _region = region;

        // From connections, through RoomRelays: the command goes on to the room with the relay as subscriber.
        Receive<CreateRoom>(c => Join(c.Subscriber, c.UserId, null, c with { Subscriber = Self }));
        Receive<JoinRoom>(c => Join(c.Subscriber, c.UserId, null, c with { Subscriber = Self }));
        Receive<Resubscribe>(c =>
        {
            if (_confirmed.Contains(c.UserId) && _room is not null) Follow(c.Subscriber, c.UserId, c.AfterSeq);
            else Join(c.Subscriber, c.UserId, c.AfterSeq, c with { Subscriber = Self, AfterSeq = _lastSeq > 0 ? _lastSeq : c.AfterSeq });
        });

        // From the room.
        Receive<SubscribedToRoom>(s =>
        {
            if (!Sender.Equals(_room))
            {
                if (_room is not null) Context.Unwatch(_room);
                _room = Sender;
                Context.Watch(_room);
            }
            _confirmed.Add(s.UserId);
            Timers.Cancel(s.UserId);
            foreach (var (connection, (_, afterSeq)) in _waiting.Where(w => w.Value.UserId == s.UserId).ToArray())
            {
                _waiting.Remove(connection);
                Follow(connection, s.UserId, afterSeq);
            }
        });
        Receive<UnsubscribedFromRoom>(u =>
        {
            if (u.UserId is not { } userId) return;
            _confirmed.Remove(userId);
            Timers.Cancel(userId);
            foreach (var connection in ConnectionsOf(userId))
            {
                _connections.Remove(connection);
                _waiting.Remove(connection);
                Context.Unwatch(connection);
                connection.Tell(new UnsubscribedFromRoom(_roomId));
            }
            RetireIfIdle();
        });
        Receive<IRoomNotification>(n =>
        {
            // A room followed again replays from the last seq each user's subscription asked for: pass each event once.
            if (n.Seq <= _lastSeq) return;
            _lastSeq = n.Seq;
            TrinityMetrics.RelayedEvents.Add(1);
            var prepared = new PreparedEvent(n);
            if (_recent.Count == RecentLimit) _recent.Dequeue();
            _recent.Enqueue(prepared);
            foreach (var connection in _connections.Keys) connection.Tell(prepared);
        });
        Receive<ToMember>(m =>
        {
            var prepared = new PreparedEvent(m.Message);
            foreach (var (connection, userId) in _connections)
                if (userId == m.UserId) connection.Tell(prepared);
        });

        Receive<Terminated>(t =>
        {
            if (t.ActorRef.Equals(_room)) RoomStopped();
            else ConnectionClosed(t.ActorRef);
        });
        Receive<FollowAgain>(f =>
        {
            if (_confirmed.Contains(f.UserId) || ConnectionsOf(f.UserId).Length == 0) return;
            _region.Tell(new Resubscribe(_roomId, f.UserId, Self, _lastSeq));
            Timers.StartSingleTimer(f.UserId, f with { Attempt = f.Attempt + 1 }, ConnectionActor.FollowAgainAfter(f.Attempt));
        });
        Receive<StopIfIdle>(_ =>
        {
            if (_connections.Count == 0 && _waiting.Count == 0) Context.Stop(Self);
        });
    }

    private void Join(IActorRef? connection, string userId, long? afterSeq, IRoomCommand toRoom)
    {
        if (connection is not null)
        {
            Context.Watch(connection);
            _waiting[connection] = (userId, afterSeq);
        }
        _region.Forward(toRoom);
    }

    /// <summary>Passes the room's events to the connection from now on, after what it missed that the relay still has.</summary>
    private void Follow(IActorRef connection, string userId, long? afterSeq)
    {
        Context.Watch(connection);
        _connections[connection] = userId;
        connection.Tell(new SubscribedToRoom(_roomId, userId));
        if (afterSeq is not { } after) return;
        foreach (var missed in _recent)
            if (((IRoomNotification)missed.Event).Seq > after) connection.Tell(missed);
    }

    /// <summary>The room stopped: every user is followed again, from the last seq this relay passed on.</summary>
    private void RoomStopped()
    {
        _room = null;
        foreach (var userId in _confirmed) Self.Tell(new FollowAgain(userId, 0));
        _confirmed.Clear();
    }

    private void ConnectionClosed(IActorRef connection)
    {
        var userId = _connections.Remove(connection, out var followed) ? followed
            : _waiting.Remove(connection, out var waiting) ? waiting.UserId : null;
        if (userId is null) return;
        if (ConnectionsOf(userId).Length == 0 && _confirmed.Remove(userId))
            _region.Tell(new Unsubscribe(_roomId, userId, Self));
        RetireIfIdle();
    }

    private IActorRef[] ConnectionsOf(string userId) =>
        _connections.Where(c => c.Value == userId).Select(c => c.Key)
            .Concat(_waiting.Where(w => w.Value.UserId == userId).Select(w => w.Key)).ToArray();

    private void RetireIfIdle()
    {
        if (_connections.Count == 0 && _waiting.Count == 0) Context.Parent.Tell(new Idle(_roomId));
    }
}
