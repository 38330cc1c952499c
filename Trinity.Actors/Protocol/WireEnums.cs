namespace Trinity.Actors.Protocol;

// Enum values travel as lower-case (camelCase) strings: see TrinityJson.

public enum ConsensusMode { Unanimous, Majority }

public enum RoomStatus { Active, Paused, Finished }

public enum MemberStatus { Active, Inactive, Left }

public enum MemberRole { Creator, Member }

public enum VoteType { Like, Dislike }

public enum MediaType { Movie, Tv }

/// <summary>How a room's genre filter applies: a title has any of the genres (default), or all of them.</summary>
public enum GenreMatch { Any, All }

/// <summary>Why a room's state changed (the <c>reason</c> of <c>roomStateChanged</c>).</summary>
public enum StateChangeReason { Created, MemberJoined, MemberLeft, Closed, FirstMatch, Exhausted, Empty, Decided }

public enum SystemMessageType { Info, Warning, Maintenance }

/// <summary>Why a room finished with a pick (the <c>reason</c> of <c>roomFinished</c>).</summary>
public enum FinishReason { Match, Decided, Exhausted, Closed }
