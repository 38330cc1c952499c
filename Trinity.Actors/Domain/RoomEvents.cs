using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

/// <summary>
/// What happened in a room, as persisted in its journal. Every one of them is also a room event
/// on the wire (see <see cref="RoomNotifications"/>), so <see cref="Seq"/> is gapless and durable.
/// </summary>
public interface IRoomEvent : ITrinityMessage
{
    long Seq { get; }
    DateTime At { get; }
}

public sealed record RoomCreated(long Seq, DateTime At, string RoomId, string InviteCode, RoomSettings Settings,
    string CreatorId, string CreatorName, bool CreatorOnline, IReadOnlyList<MediaItem> Titles) : IRoomEvent;

public sealed record MemberJoined(long Seq, DateTime At, string UserId, string DisplayName, bool Online) : IRoomEvent;

/// <summary>A member's status or presence changed: rejoined, left, turned inactive, came online or went offline.</summary>
public sealed record MemberPresenceChanged(long Seq, DateTime At, string UserId, MemberStatus Status, bool Online) : IRoomEvent;

public sealed record RoomStatusChanged(long Seq, DateTime At, RoomStatus Status, StateChangeReason Reason) : IRoomEvent;

public sealed record VoteCast(long Seq, DateTime At, string UserId, string MediaId, VoteType VoteType, string? VoteId) : IRoomEvent;

/// <summary>A member took back their own vote on a title that had not matched.</summary>
public sealed record VoteWithdrawn(long Seq, DateTime At, string UserId, string MediaId) : IRoomEvent;

/// <param name="TriggeredBy">the voter whose vote made the match; null when the eligible set shrank</param>
public sealed record MatchFound(long Seq, DateTime At, string MediaId, string MediaTitle,
    IReadOnlyList<string> Participants, ConsensusMode MatchType, string? TriggeredBy) : IRoomEvent;

/// <param name="Reading">what was understood, in the request's language (absent from older journals)</param>
/// <param name="Reasons">why each title, one per title (absent from older journals)</param>
/// <param name="Language">"es" or "en", the request's (absent from older journals)</param>
/// <param name="AtFront">the titles go to the front of every member's remaining queue; older journals appended them</param>
public sealed record TitlesRecommended(long Seq, DateTime At, string RequestedBy, IReadOnlyList<MediaItem> Titles,
    IReadOnlyList<string> Genres, string Reasoning, string EmotionalState, double Confidence, string Source,
    string? Reading = null, IReadOnlyList<string>? Reasons = null, string? Language = null, bool AtFront = false) : IRoomEvent;

public sealed record ChatPosted(long Seq, DateTime At, string UserId, string DisplayName, string Text) : IRoomEvent;

/// <summary>The room's ending, persisted as decided (right after the status change to finished) so it never changes.</summary>
public sealed record RoomFinished(long Seq, DateTime At, FinishReason Reason, RankedTitle? Pick, IReadOnlyList<RankedTitle> Ranking) : IRoomEvent;
