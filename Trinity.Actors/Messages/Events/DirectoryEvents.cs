using Trinity.Actors.Protocol;

namespace Trinity.Actors.Messages.Events;

public sealed record InviteCodeClaimed(string RoomId) : ITrinityMessage;

public sealed record MembershipRecorded(MyRoom Room) : ITrinityMessage;

public sealed record MembershipForgotten(string RoomId) : ITrinityMessage;
