using Akka.Actor;
using Trinity.Actors.Messages.Commands;

namespace Trinity.Actors.Connections;

/// <summary>
/// This node's parent of <see cref="RoomRelay"/>s, one per room with connections here. Commands that subscribe a
/// connection (create, join, follow again) pass through it to their room's relay, started on first use. A relay
/// left without connections is retired; one that fails is stopped, not restarted, so that its connections see it
/// go and follow their rooms again.
/// </summary>
public sealed class RoomRelays : ReceiveActor
{
    private readonly IActorRef _region;
    private readonly Dictionary<string, IActorRef> _relays = new();
    private long _started;

    public static Props Props(IActorRef region) => Akka.Actor.Props.Create(() => new RoomRelays(region));

    public RoomRelays(IActorRef region)
    {
        _region = region;
        Receive<CreateRoom>(c => RelayOf(c.RoomId).Forward(c));
        Receive<JoinRoom>(c => RelayOf(c.RoomId).Forward(c));
        Receive<Resubscribe>(c => RelayOf(c.RoomId).Forward(c));
        // A relay asked to stop may meanwhile have got a connection; then it stays, unlisted, until idle again.
        Receive<RoomRelay.Idle>(i =>
        {
            if (_relays.TryGetValue(i.RoomId, out var relay) && relay.Equals(Sender)) _relays.Remove(i.RoomId);
            Sender.Tell(RoomRelay.StopIfIdle.Instance);
        });
        Receive<Terminated>(t =>
        {
            foreach (var (roomId, _) in _relays.Where(r => r.Value.Equals(t.ActorRef)).ToArray()) _relays.Remove(roomId);
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private IActorRef RelayOf(string roomId)
    {
        if (_relays.TryGetValue(roomId, out var relay)) return relay;
        relay = Context.ActorOf(RoomRelay.Props(roomId, _region), $"{Uri.EscapeDataString(roomId)}-{++_started}");
        Context.Watch(relay);
        return _relays[roomId] = relay;
    }
}
