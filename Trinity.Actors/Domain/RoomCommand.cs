using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

/// <summary>
/// What a room is asked to do, as its rules see it: the caller's user and the command's data, no connection
/// (the room actor keeps its subscribers itself). Decided by <see cref="RoomRules.Decide"/>.
/// </summary>
public abstract record RoomCommand
{
    /// <param name="Online">the creator has a live connection that follows the room</param>
    /// <param name="Titles">the room's list, chosen from the catalogue by its filters</param>
    public sealed record Create(string RoomId, string InviteCode, RoomSettings Settings, string UserId, string DisplayName,
        bool Online, IReadOnlyList<MediaItem> Titles) : RoomCommand;

    /// <param name="Online">whether the user has a live connection subscribed after this join</param>
    /// <param name="InviteCodeGrace">how long a finished room's code still works; null when joining by room id</param>
    /// <param name="Announce">a presence event even when nothing changed (it shows a follower a gap in seq)</param>
    public sealed record Join(string UserId, string DisplayName, bool Online, TimeSpan? InviteCodeGrace = null, bool Announce = false)
        : RoomCommand;

    public sealed record Leave(string UserId) : RoomCommand;

    public sealed record Vote(string UserId, string MediaId, VoteType VoteType, string? VoteId) : RoomCommand;

    public sealed record Undo(string UserId, string MediaId) : RoomCommand;

    public sealed record Close(string UserId) : RoomCommand;

    /// <summary>The creator ends the room with the best title so far.</summary>
    public sealed record DecideNow(string UserId) : RoomCommand;

    public sealed record Chat(string UserId, string Text) : RoomCommand;

    /// <summary>A private message between members: allowed or not, it is never stored.</summary>
    public sealed record PrivateMessage(string UserId, string ToUserId) : RoomCommand;

    /// <summary>Asking for suggestions: allowed or not; the suggestions come later as <see cref="AddSuggestions"/>.</summary>
    public sealed record RequestSuggestions(string UserId) : RoomCommand;

    /// <param name="Reasons">why each title, one per title; null from recommenders that do not say</param>
    public sealed record AddSuggestions(string RequestedBy, IReadOnlyList<MediaItem> Titles, IReadOnlyList<string> Genres,
        string Reasoning, string EmotionalState, double Confidence, string Source, string? Reading,
        IReadOnlyList<string>? Reasons, string? Language) : RoomCommand;

    /// <summary>The member's last connection is gone.</summary>
    public sealed record GoOffline(string UserId) : RoomCommand;

    /// <summary>Active members with no connection and no vote for <paramref name="After"/> turn inactive.</summary>
    public sealed record MarkInactive(TimeSpan After) : RoomCommand;

    /// <param name="TriggeredBy">the voter whose vote made the matches; null when the eligible set shrank</param>
    public sealed record RecordMatches(IReadOnlyList<MatchDecision> Decisions, string? TriggeredBy) : RoomCommand;

    /// <summary>Whether the room should now finish: everyone left, the first match, or every title voted.</summary>
    public sealed record FinishIfDone : RoomCommand;
}

/// <summary>What the rules make of a command: events to persist (none when nothing changes), a refusal, or a repeat.</summary>
public abstract record Decision
{
    public sealed record Accepted(IReadOnlyList<IRoomEvent> Events) : Decision;

    /// <summary>Refused with one of the protocol's error codes; nothing changed.</summary>
    public sealed record Rejected(string Code, string Message) : Decision;

    /// <summary>A vote already cast: its first answer again, nothing changed.</summary>
    public sealed record Repeated(VoteResult FirstAnswer) : Decision;

    public static readonly Accepted Nothing = new([]);

    public static Accepted Accept(params IRoomEvent[] events) => new(events);
}
