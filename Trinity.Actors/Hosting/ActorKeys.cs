namespace Trinity.Actors.Hosting;

// Keys of the ActorRegistry (IRequiredActor<T>): one per actor the web layer talks to.

public sealed class RoomRegion;

public sealed class InviteCodeRegion;

public sealed class UserRoomsRegion;

public sealed class Connections;
