namespace Trinity.Actors.Protocol;

public sealed record MediaItem(
    string MediaId,
    string Title,
    int Year,
    MediaType MediaType,
    IReadOnlyList<string> Genres,
    string Overview,
    double Rating,
    string? PosterUrl = null,
    string? BackdropUrl = null,
    string? TrailerUrl = null,
    IReadOnlyList<WatchOption>? AvailableOn = null);

/// <summary>
/// Where a title can be watched: <c>kind</c> "library" (in a Jellyfin or Plex server, <c>url</c> opens it
/// there) or "stream", "rent", "buy" (a provider in TMDB's region, <c>url</c> its TMDB watch page).
/// </summary>
public sealed record WatchOption(string Source, string Kind, string Name, string? Url = null);

public sealed record Match(
    string MediaId,
    string MediaTitle,
    IReadOnlyList<string> Participants,
    ConsensusMode MatchType,
    DateTime MatchedAt);

public sealed record Progress(int TotalVotes, int RequiredVotes, int Percentage);

public sealed record MemberView(
    string UserId,
    string DisplayName,
    MemberRole Role,
    MemberStatus Status,
    bool Online,
    int VotesCast);

/// <summary>A room as one member sees it: the queue is in that member's own order.</summary>
public sealed record RoomSnapshot(
    string RoomId,
    string InviteCode,
    string Name,
    RoomStatus Status,
    ConsensusMode Consensus,
    string CreatorId,
    int MaxMembers,
    bool EndOnFirstMatch,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<MediaItem> Queue,
    int CurrentIndex,
    Progress Progress,
    IReadOnlyList<Match> Matches,
    long Seq,
    RoomFinish? Finished = null,
    IReadOnlyList<ChatLine>? Chat = null) : ITrinityMessage;

/// <summary>A title in a room's final ranking: its likes from current members, and whether it matched.</summary>
public sealed record RankedTitle(string MediaId, string MediaTitle, int Likes, bool Matched);

/// <summary>How a room ended: why, the one pick (null when nothing was liked) and the ranking it came first in.</summary>
public sealed record RoomFinish(FinishReason Reason, RankedTitle? Pick, IReadOnlyList<RankedTitle> Ranking);

/// <summary>A room chat line as kept in the room (the same fields as a <c>chatMessage</c> event).</summary>
public sealed record ChatLine(long Seq, DateTime Timestamp, string UserId, string DisplayName, string Text);

public sealed record VoteResult(
    string RoomId,
    string MediaId,
    VoteType VoteType,
    Progress Progress,
    string? NextMediaId,
    bool QueueCompleted,
    Match? Matched) : ITrinityMessage;

/// <param name="Withdrawn">false when there was no vote to withdraw (nothing changed)</param>
/// <param name="NextMediaId">the caller's current title now: the withdrawn one when it came earlier in the queue</param>
public sealed record UndoResult(string RoomId, string MediaId, bool Withdrawn, Progress Progress, string? NextMediaId) : ITrinityMessage;

public sealed record LeftRoom(string RoomId, bool Left = true) : ITrinityMessage;

public sealed record RecommendationsAccepted(bool Accepted = true) : ITrinityMessage;

public sealed record MessageDelivered(bool Delivered) : ITrinityMessage;

/// <summary>One line of <c>GET /api/me/rooms</c>.</summary>
public sealed record MyRoom(string RoomId, string Name, string InviteCode, MemberRole Role, DateTime JoinedAt);
