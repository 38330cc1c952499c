using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Messages.Queries;

/// <summary>The caller's personal <see cref="RoomSnapshot"/>; members only.</summary>
public sealed record GetRoomState(string RoomId, string UserId) : IRoomCommand;

/// <summary>Operator view of a live room; answered with <see cref="RoomStats"/>.</summary>
public sealed record GetRoomStats(string RoomId) : IRoomCommand;

/// <param name="Name">the room's name; null from a node that predates it</param>
public sealed record RoomStats(string RoomId, RoomStatus Status, int MemberCount, int OnlineMembers, int Connections, long Seq,
    string? Name = null) : ITrinityMessage;

/// <summary>Operator view of one room and the node that hosts it; answered with <see cref="RoomDetail"/>.</summary>
public sealed record GetRoomDetail(string RoomId) : IRoomCommand;

/// <param name="Node">the cluster address of the node the room runs on</param>
/// <param name="LastEventAt">when the room's latest event happened; null before its first</param>
public sealed record RoomDetail(RoomStats Stats, string Node, DateTime? LastEventAt, IReadOnlyList<MemberView> Members)
    : ITrinityMessage;
