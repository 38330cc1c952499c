using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Events;

namespace Trinity.Actors.Rooms;

/// <summary>
/// One invite code, sharded and persisted: the code is claimed by exactly one room, for good, which
/// keeps codes unique across the cluster and lets <c>JoinRoom {inviteCode}</c> find the room.
/// </summary>
public sealed class InviteCodeActor : ReceivePersistentActor
{
    private string? _roomId;

    public override string PersistenceId { get; }

    public InviteCodeActor(string code)
    {
        PersistenceId = "invite-" + code;
        Recover<InviteCodeClaimed>(e => _roomId = e.RoomId);

        Command<ClaimInviteCode>(c =>
        {
            if (_roomId is not null)
                Sender.Tell(new InviteCodeOwner(c.InviteCode, _roomId));
            else
                Persist(new InviteCodeClaimed(c.RoomId), e =>
                {
                    _roomId = e.RoomId;
                    Sender.Tell(new InviteCodeOwner(c.InviteCode, _roomId));
                });
        });
        Command<ResolveInviteCode>(r =>
        {
            Sender.Tell(new InviteCodeOwner(r.InviteCode, _roomId));
            // Most lookups of unclaimed codes are guesses: answered without a write, and gone at once.
            if (_roomId is null) Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        });
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        Context.SetReceiveTimeout(TimeSpan.FromMinutes(1));
    }
}
