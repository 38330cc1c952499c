namespace Trinity.Actors.Protocol;

public sealed record RoomFilters(
    IReadOnlyList<string>? Genres = null,
    IReadOnlyList<MediaType>? MediaTypes = null,
    int? YearFrom = null,
    int? YearTo = null,
    double? MinRating = null,
    GenreMatch? GenreMatch = null,
    IReadOnlyList<string>? Sources = null,
    bool? UnwatchedOnly = null);

public sealed record CreateRoomRequest(
    string? Name,
    ConsensusMode? Consensus = null,
    RoomFilters? Filters = null,
    int? MaxMembers = null,
    int? QueueSize = null,
    bool? EndOnFirstMatch = null);

public sealed record JoinRoomRequest(string? RoomId = null, string? InviteCode = null);

public sealed record RoomRequest(string? RoomId);

public sealed record VoteRequest(string? RoomId, string? MediaId, VoteType? VoteType, string? VoteId = null);

public sealed record UndoVoteRequest(string? RoomId, string? MediaId);

public sealed record RecommendationsRequest(string? RoomId, string? Mood);

public sealed record SendMessageRequest(string? RoomId, string? Text, string? ToUserId = null);
