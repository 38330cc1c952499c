namespace Trinity.Actors.Protocol;

/// <summary>The error codes of docs/PROTOCOL.md section 6; a hub error message starts with one of them.</summary>
public static class ErrorCodes
{
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string RoomNotFound = "ROOM_NOT_FOUND";
    public const string RoomFull = "ROOM_FULL";
    public const string RoomClosed = "ROOM_CLOSED";
    public const string MediaNotInRoom = "MEDIA_NOT_IN_ROOM";
    public const string AlreadyVoted = "ALREADY_VOTED";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string RateLimited = "RATE_LIMITED";
    public const string Unavailable = "UNAVAILABLE";
}

/// <summary>A refused request: nothing changed. The edge turns it into a HubException or an HTTP status.</summary>
public sealed class TrinityException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
    public string Detail { get; } = message;

    public static TrinityException Validation(string field, string problem) =>
        new(ErrorCodes.ValidationFailed, $"{field} {problem}");

    /// <summary>An unknown code and an expired one read the same, so a guesser learns nothing.</summary>
    public static TrinityException UnknownInviteCode(string code) =>
        new(ErrorCodes.RoomNotFound, $"no room has invite code '{code}'");
}
