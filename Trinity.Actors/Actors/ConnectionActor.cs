using Akka.Actor;
using Akka.Event;
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
    private readonly int _bufferLimit;
    private readonly Queue<IClientEvent> _pending = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _pushing;
    private bool _cutOff;
    private long _dropped;

    public static Props Props(string connectionId, IClientPush push, int bufferLimit) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(connectionId, push, bufferLimit));

    public ConnectionActor(string connectionId, IClientPush push, int bufferLimit)
    {
        _connectionId = connectionId;
        _push = push;
        _bufferLimit = bufferLimit;

        Receive<IClientEvent>(e =>
        {
            if (_cutOff)
            {
                _dropped++;
                return;
            }
            if (_pending.Count >= _bufferLimit)
            {
                _dropped += _pending.Count + 1;
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
            _pushing = false;
            PushNext();
        });
        Receive<PushFailed>(f =>
        {
            _log.Debug("Connection {0}: push failed: {1}", _connectionId, f.Cause.Message);
            _pushing = false;
            PushNext();
        });
        Receive<GetDropped>(_ => Sender.Tell(_dropped));
    }

    private void PushNext()
    {
        if (_pushing || !_pending.TryDequeue(out var next)) return;
        _pushing = true;
        _push.PushAsync(_connectionId, next).PipeTo(Self, success: () => Pushed.Instance, failure: ex => new PushFailed(ex));
    }
}
