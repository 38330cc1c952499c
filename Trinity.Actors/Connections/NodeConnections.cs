using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Connections;

/// <summary>
/// This node's parent of ConnectionActors (one per client connection, named by connection id). It also
/// relays operator broadcasts, published cluster-wide on <see cref="SystemTopic"/>, to each of them.
/// </summary>
public sealed class NodeConnections : ReceiveActor
{
    public const string SystemTopic = "trinity-system-messages";

    /// <summary>Answered with the connection's IActorRef.</summary>
    public sealed record Open(string ConnectionId) : INoSerializationVerificationNeeded;
    public sealed record Close(string ConnectionId) : INoSerializationVerificationNeeded;
    /// <summary>Answered with an int; operators ask every node's over the cluster.</summary>
    public sealed record Count : ITrinityMessage
    {
        public static readonly Count Instance = new();
    }

    /// <param name="relays">this node's <see cref="RoomRelays"/>, through which connections follow rooms</param>
    public NodeConnections(IClientPush push, int bufferLimit, IActorRef relays)
    {
        Receive<Open>(o =>
        {
            var name = ChildName(o.ConnectionId);
            var child = Context.Child(name);
            if (child.IsNobody()) child = Context.ActorOf(ConnectionActor.Props(o.ConnectionId, push, bufferLimit, relays), name);
            Sender.Tell(child);
        });
        Receive<Close>(c => Context.Child(ChildName(c.ConnectionId)).Tell(PoisonPill.Instance));
        Receive<Count>(_ => Sender.Tell(Context.GetChildren().Count()));
        Receive<SystemMessage>(m =>
        {
            var prepared = new PreparedEvent(m); // serialised once for every connection
            foreach (var child in Context.GetChildren()) child.Tell(prepared);
        });
        Receive<SubscribeAck>(_ => { });
    }

    protected override void PreStart() =>
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(SystemTopic, Self));

    private static string ChildName(string connectionId) => Uri.EscapeDataString(connectionId);
}
