using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Events;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Rooms;

/// <summary>One user's rooms (for <c>GET /api/me/rooms</c>), sharded and persisted.</summary>
public sealed class UserRoomsActor : ReceivePersistentActor
{
    private readonly List<MyRoom> _rooms = [];

    public override string PersistenceId { get; }

    public UserRoomsActor(string userId)
    {
        PersistenceId = "user-rooms-" + userId;
        Recover<MembershipRecorded>(Apply);
        Recover<MembershipForgotten>(Apply);

        Command<RecordMembership>(r =>
        {
            if (_rooms.Exists(x => x.RoomId == r.Room.RoomId)) return;
            Persist(new MembershipRecorded(r.Room), Apply);
        });
        Command<ForgetMembership>(f =>
        {
            if (_rooms.Exists(x => x.RoomId == f.RoomId)) Persist(new MembershipForgotten(f.RoomId), Apply);
        });
        Command<GetMyRooms>(_ => Sender.Tell(new MyRooms(_rooms.OrderByDescending(r => r.JoinedAt).ToArray())));
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        // Asked once per join and per rooms page, then idle for the evening: it stops soon, and the next
        // ask recovers its few events. Kept alive, it is a few KB for every user on the node.
        Context.SetReceiveTimeout(TimeSpan.FromSeconds(10));
    }

    private void Apply(MembershipRecorded e) => _rooms.Add(e.Room);

    private void Apply(MembershipForgotten e) => _rooms.RemoveAll(r => r.RoomId == e.RoomId);
}
