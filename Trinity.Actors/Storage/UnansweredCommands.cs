using Akka.Actor;
using Akka.Event;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Storage;

/// <summary>
/// Answers UNAVAILABLE, at once, a call whose message ended in dead letters: it waited in the stash of a
/// room that stopped (a failed write or recovery) or reached a room between restarts. Nothing handled
/// it, so nothing changed; without this the caller would wait out its whole ask timeout. Only asks of the
/// sharded entities (rooms, invite codes, users' room lists) are answered: their callers go through the
/// gateway, which reads a rejection. Other asks (an operator's count of a dead node's connections) and
/// anything else are left to the dead-letter log.
/// </summary>
public sealed class UnansweredCommands : ReceiveActor
{
    public UnansweredCommands()
    {
        Receive<AllDeadLetters>(d => Answer(d.Message, d.Sender));
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<AllDeadLetters>(Self);
    }

    private static void Answer(object message, IActorRef? sender)
    {
        if (message is IWithRoomId or IWithInviteCode or IWithUserId && sender is not null && IsAsk(sender))
            sender.Tell(new CommandRejected(ErrorCodes.Unavailable, "the room is not running now (storage unavailable or restarting); safe to retry"));
    }

    private static bool IsAsk(IActorRef sender) => sender.Path.Elements is ["temp", ..];
}
