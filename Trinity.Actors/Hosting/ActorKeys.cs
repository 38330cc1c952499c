namespace Trinity.Actors.Hosting;

// Keys of the ActorRegistry (IRequiredActor<T>): one per actor the web layer talks to.

public sealed class RoomRegion;

public sealed class InviteCodeRegion;

public sealed class UserRoomsRegion;

public sealed class Connections;

/// <summary>This node's room relays (<see cref="Actors.RoomRelays"/>): the way in for commands that subscribe a connection.</summary>
public sealed class Relays;
