using Akka.Actor;
using Akka.Event;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Connections;

/// <summary>
/// The server-side twin of one client connection. Its node's relays of the rooms it follows send it their
/// events; it pushes them out one at a time, in order. A client that reads slower than its rooms talk fills a bounded buffer; past
/// it the connection is cut off and the buffer freed: the client reconnects and resyncs from a
/// snapshot. Rooms never wait, and memory per connection stays bounded.
/// </summary>
public sealed class ConnectionActor : ReceiveActor, IWithTimers
{
    private sealed class Pushed : INoSerializationVerificationNeeded
    {
        public static readonly Pushed Instance = new();
    }

    private sealed record PushFailed(Exception Cause) : INoSerializationVerificationNeeded;

    /// <summary>Time to ask again to follow a room whose relay stopped; <see cref="Attempt"/> counts from 0.</summary>
    private sealed record FollowAgain(string RoomId, int Attempt) : INoSerializationVerificationNeeded;

    /// <summary>How many events this connection has dropped for being slow (for tests and metrics).</summary>
    public sealed record GetDropped : INoSerializationVerificationNeeded
    {
        public static readonly GetDropped Instance = new();
    }

    public const string SlowClientReason = "the client did not read its events fast enough";

    /// <summary>
    /// A stopped room (or relay) is asked again after 0.25 s, 0.5 s, 1 s, then every 2 s until it answers: a room
    /// that cannot recover yet (storage down) is asked again, never given up while the connection lives.
    /// </summary>
    public static TimeSpan FollowAgainAfter(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(2000, 250 << Math.Min(attempt, 3)));

    private readonly string _connectionId;
    private readonly IClientPush _push;
    private readonly IActorRef _rooms;
    /// <summary>
    /// The rooms this connection follows: the relay now sending their events (null while it is stopped and
    /// asked again), and as whom.
    /// </summary>
    private readonly Dictionary<string, (IActorRef? Room, string UserId)> _following = new();
    /// <summary>The last seq this connection received of each room it follows.</summary>
    private readonly Dictionary<string, long> _lastSeq = new();
    private readonly int _bufferLimit;
    private readonly Queue<PreparedEvent> _pending = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    /// <summary>The event being pushed now; at most one, so events reach the client in order.</summary>
    private PreparedEvent? _inFlight;
    private bool _cutOff;
    private long _dropped;

    /// <param name="rooms">this node's room relays (<see cref="RoomRelays"/>), to follow a room again</param>
    public static Props Props(string connectionId, IClientPush push, int bufferLimit, IActorRef rooms) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(connectionId, push, bufferLimit, rooms));

    public ITimerScheduler Timers { get; set; } = null!;

    public ConnectionActor(string connectionId, IClientPush push, int bufferLimit, IActorRef rooms)
    {
        _connectionId = connectionId;
        _push = push;
        _bufferLimit = bufferLimit;
        _rooms = rooms;

        // A relay that stops (it failed, or retired) is asked for again until one answers; the relay itself
        // follows its room again when the room stops (storage failed, handed over, its node died).
        Receive<SubscribedToRoom>(s =>
        {
            Timers.Cancel(s.RoomId);
            _following[s.RoomId] = (Sender, s.UserId);
            Context.Watch(Sender);
        });
        Receive<UnsubscribedFromRoom>(u =>
        {
            Timers.Cancel(u.RoomId);
            if (_following.Remove(u.RoomId, out var was) && was.Room is not null) Context.Unwatch(was.Room);
            _lastSeq.Remove(u.RoomId);
        });
        Receive<Terminated>(t =>
        {
            foreach (var (roomId, (_, userId)) in _following.Where(f => t.ActorRef.Equals(f.Value.Room)).ToArray())
            {
                _following[roomId] = (null, userId);
                Self.Tell(new FollowAgain(roomId, 0));
            }
        });
        Receive<FollowAgain>(f =>
        {
            if (!_following.TryGetValue(f.RoomId, out var following) || following.Room is not null) return;
            _rooms.Tell(new Resubscribe(f.RoomId, following.UserId, Self, _lastSeq.GetValueOrDefault(f.RoomId)));
            Timers.StartSingleTimer(f.RoomId, f with { Attempt = f.Attempt + 1 }, FollowAgainAfter(f.Attempt));
        });
        Receive<ToMember>(m => Enqueue(new PreparedEvent(m.Message)));
        Receive<IClientEvent>(e => Enqueue(new PreparedEvent(e)));
        Receive<PreparedEvent>(Enqueue);
        Receive<Pushed>(_ =>
        {
            Delivered(_inFlight!);
            _inFlight = null;
            PushNext();
        });
        Receive<PushFailed>(f =>
        {
            _log.Debug("Connection {0}: push failed: {1}", _connectionId, f.Cause.Message);
            _inFlight = null;
            PushNext();
        });
        Receive<GetDropped>(_ => Sender.Tell(_dropped));
    }

    private void Enqueue(PreparedEvent e)
    {
        if (e.Event is IRoomNotification n)
        {
            // A room that followed again replays what it still has; what was seen already is not pushed twice.
            if (n.Seq <= _lastSeq.GetValueOrDefault(n.RoomId)) return;
            _lastSeq[n.RoomId] = n.Seq;
        }
        if (_cutOff)
        {
            Drop(1);
            return;
        }
        if (_pending.Count >= _bufferLimit)
        {
            Drop(_pending.Count + 1);
            _pending.Clear();
            _cutOff = true;
            _log.Warning("Connection {0}: {1}; cutting it off", _connectionId, SlowClientReason);
            _push.Disconnect(_connectionId, SlowClientReason);
            return;
        }
        _pending.Enqueue(e);
        PushNext();
    }

    private void Drop(int events)
    {
        _dropped += events;
        TrinityMetrics.DroppedMessages.Add(events);
    }

    /// <summary>
    /// Pushes what is pending, in order. A push the socket takes at once (the usual case) is done on the
    /// spot; one that has to wait is the one in flight, and the next waits for it.
    /// </summary>
    private void PushNext()
    {
        while (_inFlight is null && _pending.TryDequeue(out var next))
        {
            var push = _push.PushAsync(_connectionId, next);
            if (push.IsCompletedSuccessfully)
            {
                Delivered(next);
                continue;
            }
            _inFlight = next;
            push.PipeTo(Self, success: () => Pushed.Instance, failure: ex => new PushFailed(ex));
        }
    }

    private static void Delivered(PreparedEvent pushed)
    {
        if (pushed.Event is IRoomNotification n)
            TrinityMetrics.FanOutLatency.Record(Math.Max(0, (DateTime.UtcNow - n.Timestamp).TotalMilliseconds));
    }
}
