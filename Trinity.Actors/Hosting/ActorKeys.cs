namespace Trinity.Actors.Hosting;

// Keys of the ActorRegistry (IRequiredActor<T>): one per actor the web layer talks to.

public sealed class RoomRegion;

public sealed class InviteCodeRegion;

public sealed class UserRoomsRegion;

/// <summary>This node's <see cref="Connections.NodeConnections"/>: the parent of its ConnectionActors.</summary>
public sealed class NodeConnectionsKey;

/// <summary>This node's room relays (<see cref="Connections.RoomRelays"/>): the way in for commands that subscribe a connection.</summary>
public sealed class RoomRelaysKey;

/// <summary>
/// The names those actors run under: each shard region's type name (shown by the operator API and CLI) and the
/// node's connections actor (<c>/user/connections</c>, asked across nodes for its count) and room relays.
/// </summary>
public static class ActorNames
{
    public const string RoomRegion = "room";
    public const string InviteCodeRegion = "invite-code";
    public const string UserRoomsRegion = "user-rooms";
    public const string Connections = "connections";
    public const string RoomRelays = "room-relays";
}
