using Trinity.Actors.Protocol;

namespace Trinity.Actors.Messages.Commands;

/// <summary>Routes a message to the entity that owns one invite code.</summary>
public interface IWithInviteCode
{
    string InviteCode { get; }
}

/// <summary>Routes a message to the entity that lists one user's rooms.</summary>
public interface IWithUserId
{
    string UserId { get; }
}

/// <summary>Takes the code for a room, unless another room has it; answered with <see cref="InviteCodeOwner"/>.</summary>
public sealed record ClaimInviteCode(string InviteCode, string RoomId) : ITrinityMessage, IWithInviteCode;

public sealed record ResolveInviteCode(string InviteCode) : ITrinityMessage, IWithInviteCode;

/// <param name="RoomId">the room that holds the code; null when nobody does</param>
public sealed record InviteCodeOwner(string InviteCode, string? RoomId) : ITrinityMessage;

public sealed record RecordMembership(string UserId, MyRoom Room) : ITrinityMessage, IWithUserId;

public sealed record ForgetMembership(string UserId, string RoomId) : ITrinityMessage, IWithUserId;

public sealed record GetMyRooms(string UserId) : ITrinityMessage, IWithUserId;

public sealed record MyRooms(IReadOnlyList<MyRoom> Rooms) : ITrinityMessage;
