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
    long Seq) : ITrinityMessage;

public sealed record VoteResult(
    string RoomId,
    string MediaId,
    VoteType VoteType,
    Progress Progress,
    string? NextMediaId,
    bool QueueCompleted,
    Match? Matched) : ITrinityMessage;

public sealed record LeftRoom(string RoomId, bool Left = true) : ITrinityMessage;

public sealed record RecommendationsAccepted(bool Accepted = true) : ITrinityMessage;

public sealed record MessageDelivered(bool Delivered) : ITrinityMessage;

/// <summary>One line of <c>GET /api/me/rooms</c>.</summary>
public sealed record MyRoom(string RoomId, string Name, string InviteCode, MemberRole Role, DateTime JoinedAt);
