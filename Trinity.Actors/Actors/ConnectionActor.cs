using Akka.Actor;
using Akka.Event;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Actors;

/// <summary>
/// The server-side twin of one client connection. Rooms send it their events; it pushes them out one
/// at a time, in order. A client that reads slower than its rooms talk fills a bounded buffer; past
/// it the connection is cut off and the buffer freed: the client reconnects and resyncs from a
/// snapshot. Rooms never wait, and memory per connection stays bounded.
/// </summary>
public sealed class ConnectionActor : ReceiveActor
{
    private sealed class Pushed : INoSerializationVerificationNeeded
    {
        public static readonly Pushed Instance = new();
    }

    private sealed record PushFailed(Exception Cause) : INoSerializationVerificationNeeded;

    /// <summary>How many events this connection has dropped for being slow (for tests and metrics).</summary>
    public sealed record GetDropped : INoSerializationVerificationNeeded
    {
        public static readonly GetDropped Instance = new();
    }

    public const string SlowClientReason = "the client did not read its events fast enough";

    private readonly string _connectionId;
    private readonly IClientPush _push;
    private readonly IActorRef _rooms;
    /// <summary>The rooms this connection follows: the room actor now sending events, and as whom.</summary>
    private readonly Dictionary<string, (IActorRef Room, string UserId)> _following = new();
    /// <summary>The last seq this connection received of each room it follows.</summary>
    private readonly Dictionary<string, long> _lastSeq = new();
    private readonly int _bufferLimit;
    private readonly Queue<IClientEvent> _pending = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    /// <summary>The event being pushed now; at most one, so events reach the client in order.</summary>
    private IClientEvent? _inFlight;
    private bool _cutOff;
    private long _dropped;

    /// <param name="rooms">the room shard region, to follow a room again wherever it went</param>
    public static Props Props(string connectionId, IClientPush push, int bufferLimit, IActorRef rooms) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(connectionId, push, bufferLimit, rooms));

    public ConnectionActor(string connectionId, IClientPush push, int bufferLimit, IActorRef rooms)
    {
        _connectionId = connectionId;
        _push = push;
        _bufferLimit = bufferLimit;
        _rooms = rooms;

        // A room that stops (handed over to another node, or its node died) is followed again through the
        // shard region: it recovers from the journal wherever it lands and subscribes this connection anew.
        Receive<SubscribedToRoom>(s =>
        {
            _following[s.RoomId] = (Sender, s.UserId);
            Context.Watch(Sender);
        });
        Receive<UnsubscribedFromRoom>(u =>
        {
            if (_following.Remove(u.RoomId, out var was)) Context.Unwatch(was.Room);
            _lastSeq.Remove(u.RoomId);
        });
        Receive<Terminated>(t =>
        {
            foreach (var (roomId, (room, userId)) in _following.Where(f => f.Value.Room.Equals(t.ActorRef)).ToArray())
                _rooms.Tell(new Resubscribe(roomId, userId, Self, _lastSeq.GetValueOrDefault(roomId)));
        });
        Receive<IClientEvent>(e =>
        {
            if (e is IRoomNotification n)
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
        });
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

    private static void Delivered(IClientEvent pushed)
    {
        if (pushed is IRoomNotification n)
            TrinityMetrics.FanOutLatency.Record(Math.Max(0, (DateTime.UtcNow - n.Timestamp).TotalMilliseconds));
    }
}
