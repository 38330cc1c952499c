using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Messages.Queries;

/// <summary>The caller's personal <see cref="RoomSnapshot"/>; members only.</summary>
public sealed record GetRoomState(string RoomId, string UserId) : IRoomCommand;

/// <summary>Operator view of a live room; answered with <see cref="RoomStats"/>.</summary>
public sealed record GetRoomStats(string RoomId) : IRoomCommand;

public sealed record RoomStats(string RoomId, RoomStatus Status, int MemberCount, int OnlineMembers, int Connections, long Seq)
    : ITrinityMessage;
