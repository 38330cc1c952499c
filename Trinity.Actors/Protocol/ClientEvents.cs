using System.Text.Json.Serialization;

namespace Trinity.Actors.Protocol;

/// <summary>Something pushed to client connections; <see cref="EventName"/> is the SignalR method name.</summary>
public interface IClientEvent : ITrinityMessage
{
    [JsonIgnore] string EventName { get; }
}

/// <summary>An event of one room's sequence: <c>seq</c> rises by one per event, with no gaps.</summary>
public interface IRoomNotification : IClientEvent
{
    string RoomId { get; }
    long Seq { get; }
    DateTime Timestamp { get; }
}

public sealed record VoteUpdate(string RoomId, long Seq, DateTime Timestamp,
    string UserId, string MediaId, VoteType VoteType, Progress Progress) : IRoomNotification
{
    public string EventName => "voteUpdate";
}

public sealed record MatchFoundNotice(string RoomId, long Seq, DateTime Timestamp,
    string MediaId, string MediaTitle, IReadOnlyList<string> Participants, ConsensusMode MatchType) : IRoomNotification
{
    public string EventName => "matchFound";
}

public sealed record RoomStateChanged(string RoomId, long Seq, DateTime Timestamp,
    RoomStatus Status, string? CurrentMediaId, int QueueLength, int ActiveMembers, StateChangeReason? Reason) : IRoomNotification
{
    public string EventName => "roomStateChanged";
}

public sealed record MemberStatusChanged(string RoomId, long Seq, DateTime Timestamp,
    string UserId, string DisplayName, MemberStatus Status, bool Online, DateTime LastActivity) : IRoomNotification
{
    public string EventName => "memberStatusChanged";
}

/// <param name="Added">how many titles were added (0 when nothing fits)</param>
/// <param name="Reading">what was understood, in the request's language; null for recommendations made before it existed</param>
/// <param name="Reasons">why each title, aligned with <paramref name="MediaIds"/>; null likewise</param>
public sealed record AiRecommendation(string RoomId, long Seq, DateTime Timestamp,
    string RequestedBy, IReadOnlyList<string> MediaIds, IReadOnlyList<string> Titles, IReadOnlyList<string> Genres,
    string Reasoning, string EmotionalState, double Confidence, string Source,
    int Added, string? Reading, IReadOnlyList<string>? Reasons, string? Language) : IRoomNotification
{
    public string EventName => "aiRecommendation";
}

public sealed record ChatMessage(string RoomId, long Seq, DateTime Timestamp,
    string UserId, string DisplayName, string Text) : IRoomNotification
{
    public string EventName => "chatMessage";
}

public sealed record VoteWithdrawnNotice(string RoomId, long Seq, DateTime Timestamp,
    string UserId, string MediaId, Progress Progress) : IRoomNotification
{
    public string EventName => "voteWithdrawn";
}

public sealed record RoomFinishedNotice(string RoomId, long Seq, DateTime Timestamp,
    FinishReason Reason, RankedTitle? Pick, IReadOnlyList<RankedTitle> Ranking) : IRoomNotification
{
    public string EventName => "roomFinished";
}

public sealed record SystemMessage(SystemMessageType Type, string Message, DateTime Timestamp) : IClientEvent
{
    public string EventName => "systemMessage";
}

public sealed record PrivateMessage(string FromUserId, string FromDisplayName, string RoomId, string Text, DateTime Timestamp) : IClientEvent
{
    public string EventName => "privateMessage";
}
