using Akka.Actor;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Messages.Commands;

/// <summary>Routes a message to its room's shard and entity.</summary>
public interface IWithRoomId
{
    string RoomId { get; }
}

public interface IRoomCommand : ITrinityMessage, IWithRoomId;

/// <param name="Subscriber">what follows the room's events for the caller (its node's relay); null for REST</param>
public sealed record CreateRoom(string RoomId, string InviteCode, RoomSettings Settings,
    string UserId, string DisplayName, IActorRef? Subscriber) : IRoomCommand;

/// <param name="InviteCode">the code the caller found the room by; null when joining by room id</param>
public sealed record JoinRoom(string RoomId, string UserId, string DisplayName, IActorRef? Subscriber, string? InviteCode = null) : IRoomCommand;

public sealed record LeaveRoom(string RoomId, string UserId) : IRoomCommand;

public sealed record CastVote(string RoomId, string UserId, string MediaId, VoteType VoteType, string? VoteId) : IRoomCommand;

public sealed record UndoVote(string RoomId, string UserId, string MediaId) : IRoomCommand;

/// <summary>The creator ends the room now with the best title so far.</summary>
public sealed record DecideNow(string RoomId, string UserId) : IRoomCommand;

public sealed record RequestRecommendations(string RoomId, string UserId, string Mood) : IRoomCommand;

/// <summary>A chat line to the room, or a private message when <see cref="ToUserId"/> is set.</summary>
public sealed record SendChat(string RoomId, string UserId, string Text, string? ToUserId) : IRoomCommand;

public sealed record CloseRoom(string RoomId, string UserId) : IRoomCommand;

/// <summary>
/// A connection asks to be subscribed again, after the room it followed stopped (moved to another node
/// or recovered after a crash). Members only; no answer but <see cref="SubscribedToRoom"/> and the
/// events after <see cref="AfterSeq"/> that the room still has in memory, so the stream has no gap.
/// </summary>
public sealed record Resubscribe(string RoomId, string UserId, IActorRef Subscriber, long AfterSeq) : IRoomCommand;

/// <summary>
/// A subscriber no longer follows the room for this user (a relay whose last connection of that user
/// closed); the user goes offline unless followed elsewhere.
/// </summary>
public sealed record Unsubscribe(string RoomId, string UserId, IActorRef Subscriber) : IRoomCommand;

/// <summary>Told to a subscriber by the room that now sends it events (the sender is the room or the relay).</summary>
public sealed record SubscribedToRoom(string RoomId, string UserId) : ITrinityMessage;

/// <summary>Told to a subscriber whose user left the room (or is no member): it no longer follows it for that user.</summary>
public sealed record UnsubscribedFromRoom(string RoomId, string? UserId = null) : ITrinityMessage;

/// <summary>A private message, sent to the subscribers that follow the room for its addressee.</summary>
public sealed record ToMember(string UserId, PrivateMessage Message) : ITrinityMessage;

/// <summary>The reply to any room command or query that was refused; nothing changed.</summary>
public sealed record CommandRejected(string Code, string Message) : ITrinityMessage
{
    public TrinityException ToException() => new(Code, Message);
}
