using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Events;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

/// <summary>A vote either repeats an earlier one (its first result) or produces events.</summary>
public sealed record VoteDecision(VoteResult? Repeat, IReadOnlyList<IRoomEvent> Events);

/// <summary>
/// The room's decisions as pure functions of its state: each returns the events to persist (numbered
/// from the state's seq) or throws a <see cref="TrinityException"/> and changes nothing.
/// </summary>
public static class RoomRules
{
    public static IReadOnlyList<IRoomEvent> Create(RoomState s, CreateRoom cmd, IReadOnlyList<MediaItem> titles, DateTime now)
    {
        if (s.IsCreated) throw TrinityException.Validation("roomId", "is already taken");
        if (titles.Count == 0) throw TrinityException.Validation("filters", "leave no title of the catalogue");
        return [new RoomCreated(s.Seq + 1, now, cmd.RoomId, cmd.InviteCode, cmd.Settings, cmd.UserId, cmd.DisplayName,
            cmd.Subscriber is not null, titles)];
    }

    /// <param name="online">whether the user has a live connection subscribed after this join</param>
    /// <param name="announce">a member's presence event even when nothing changed (it shows a follower a gap in seq)</param>
    public static IReadOnlyList<IRoomEvent> Join(RoomState s, string userId, string displayName, bool online, DateTime now, bool announce = false)
    {
        var member = s.Member(userId);
        var seq = s.Seq;
        if (member is null or { Status: MemberStatus.Left })
        {
            if (s.IsFinished) throw new TrinityException(ErrorCodes.RoomClosed, "the room is finished");
            if (s.MemberCount >= s.Settings!.MaxMembers)
                throw new TrinityException(ErrorCodes.RoomFull, $"the room already has {s.Settings.MaxMembers} members");
            IRoomEvent joined = member is null
                ? new MemberJoined(++seq, now, userId, displayName, online)
                : new MemberPresenceChanged(++seq, now, userId, MemberStatus.Active, online);
            return [joined, new RoomStatusChanged(++seq, now, s.Status, StateChangeReason.MemberJoined)];
        }
        if (announce || member.Status == MemberStatus.Inactive || member.Online != online)
            return [new MemberPresenceChanged(++seq, now, userId, MemberStatus.Active, online)];
        return [];
    }

    /// <summary>A finished room's invite code works for <paramref name="grace"/> more, then names no room.</summary>
    public static void RequireLiveInviteCode(RoomState s, TimeSpan grace, DateTime now)
    {
        if (s.IsFinished && now - (s.FinishedAt ?? s.LastEventAt ?? s.CreatedAt) >= grace)
            throw TrinityException.UnknownInviteCode(s.InviteCode);
    }

    public static IReadOnlyList<IRoomEvent> Leave(RoomState s, string userId, DateTime now)
    {
        RequireMember(s, userId);
        return [
            new MemberPresenceChanged(s.Seq + 1, now, userId, MemberStatus.Left, false),
            new RoomStatusChanged(s.Seq + 2, now, s.Status, StateChangeReason.MemberLeft),
        ];
    }

    public static VoteDecision Vote(RoomState s, CastVote cmd, DateTime now)
    {
        var member = RequireMember(s, cmd.UserId);
        var votes = s.VotesOf(cmd.UserId);
        if (cmd.VoteId is not null && votes.Values.FirstOrDefault(v => v.VoteId == cmd.VoteId) is { } sameId)
            return new VoteDecision(sameId.Result, []);
        if (s.Title(cmd.MediaId) is null)
            throw new TrinityException(ErrorCodes.MediaNotInRoom, $"'{cmd.MediaId}' is not in this room's list");
        if (votes.GetValueOrDefault(cmd.MediaId) is { } earlier)
            return earlier.VoteType == cmd.VoteType
                ? new VoteDecision(earlier.Result, [])
                : throw new TrinityException(ErrorCodes.AlreadyVoted, $"already voted {earlier.VoteType.ToString().ToLowerInvariant()} on '{cmd.MediaId}'");
        if (s.IsFinished) throw new TrinityException(ErrorCodes.RoomClosed, "the room is finished");

        var seq = s.Seq;
        var events = new List<IRoomEvent>(2);
        if (member.Status == MemberStatus.Inactive)
            events.Add(new MemberPresenceChanged(++seq, now, cmd.UserId, MemberStatus.Active, member.Online));
        events.Add(new VoteCast(++seq, now, cmd.UserId, cmd.MediaId, cmd.VoteType, cmd.VoteId));
        return new VoteDecision(null, events);
    }

    public static IReadOnlyList<IRoomEvent> Matches(RoomState s, IEnumerable<MatchDecision> decisions, string? triggeredBy, DateTime now)
    {
        var seq = s.Seq;
        return decisions
            .Where(d => !s.IsMatched(d.MediaId))
            .Select(d => (IRoomEvent)new MatchFound(++seq, now, d.MediaId, s.Title(d.MediaId)!.Title, d.Participants,
                s.Settings!.Consensus, triggeredBy))
            .ToArray();
    }

    /// <summary>Whether the room should now finish: everyone left, the first match, or every title voted.</summary>
    public static IReadOnlyList<IRoomEvent> Closing(RoomState s, DateTime now)
    {
        if (s.IsFinished) return [];
        if (s.MemberCount == 0) return [new RoomStatusChanged(s.Seq + 1, now, RoomStatus.Finished, StateChangeReason.Empty)];
        return s.Settings!.EndOnFirstMatch && s.Matches.Count > 0 ? Finish(s, StateChangeReason.FirstMatch, now)
            : s.IsExhausted() ? Finish(s, StateChangeReason.Exhausted, now)
            : [];
    }

    public static IReadOnlyList<IRoomEvent> Close(RoomState s, string userId, DateTime now)
    {
        RequireCreator(s, userId, "close it");
        return s.IsFinished ? [] : Finish(s, StateChangeReason.Closed, now);
    }

    /// <summary>The creator ends the room with the best title so far; once finished, asking again changes nothing.</summary>
    public static IReadOnlyList<IRoomEvent> Decide(RoomState s, string userId, DateTime now)
    {
        RequireCreator(s, userId, "decide");
        if (s.IsFinished) return [];
        if (!Finishing.CanDecide(s))
            throw new TrinityException(ErrorCodes.Forbidden, "nothing to decide yet: no title has a like");
        return Finish(s, StateChangeReason.Decided, now);
    }

    /// <summary>The status change everyone already knows, then the ending with its pick.</summary>
    private static IReadOnlyList<IRoomEvent> Finish(RoomState s, StateChangeReason reason, DateTime now)
    {
        var finish = Finishing.For(s, Finishing.ReasonFor(reason)!.Value);
        return [
            new RoomStatusChanged(s.Seq + 1, now, RoomStatus.Finished, reason),
            new RoomFinished(s.Seq + 2, now, finish.Reason, finish.Pick, finish.Ranking),
        ];
    }

    /// <summary>Withdraws the member's own vote while the room is open and the title has not matched; no vote, no event.</summary>
    public static IReadOnlyList<IRoomEvent> Undo(RoomState s, string userId, string mediaId, DateTime now)
    {
        RequireMember(s, userId);
        if (s.Title(mediaId) is null)
            throw new TrinityException(ErrorCodes.MediaNotInRoom, $"'{mediaId}' is not in this room's list");
        if (s.IsFinished) throw new TrinityException(ErrorCodes.RoomClosed, "the room is finished");
        if (!s.VotesOf(userId).ContainsKey(mediaId)) return [];
        if (s.IsMatched(mediaId))
            throw new TrinityException(ErrorCodes.Forbidden, $"'{mediaId}' has matched; its votes are final");
        return [new VoteWithdrawn(s.Seq + 1, now, userId, mediaId)];
    }

    public static IReadOnlyList<IRoomEvent> Chat(RoomState s, string userId, string text, DateTime now)
    {
        var member = RequireMember(s, userId);
        return [new ChatPosted(s.Seq + 1, now, userId, member.DisplayName, text)];
    }

    /// <summary>Checks a private message may go from one member to another; returns the sender.</summary>
    public static MemberState PrivateMessage(RoomState s, string fromUserId, string toUserId)
    {
        var from = RequireMember(s, fromUserId);
        if (!s.IsMember(toUserId)) throw new TrinityException(ErrorCodes.Forbidden, "the recipient is not a member of this room");
        return from;
    }

    public static void Recommendations(RoomState s, string userId)
    {
        RequireMember(s, userId);
        if (s.IsFinished) throw new TrinityException(ErrorCodes.RoomClosed, "the room is finished");
    }

    public static IReadOnlyList<IRoomEvent> AddRecommended(RoomState s, string requestedBy, Recommendations.Recommendation r, DateTime now)
    {
        if (s.IsFinished) return [];
        var fresh = r.Titles.Select((t, i) => (Title: t, Reason: r.Reasons?.ElementAtOrDefault(i) ?? ""))
            .Where(p => s.Title(p.Title.MediaId) is null).DistinctBy(p => p.Title.MediaId).ToArray();
        return [new TitlesRecommended(s.Seq + 1, now, requestedBy, fresh.Select(p => p.Title).ToArray(), r.Genres, r.Reasoning,
            r.EmotionalState, r.Confidence, r.Source, r.Reading, r.Reasons is null ? null : fresh.Select(p => p.Reason).ToArray(), r.Language,
            AtFront: true)];
    }

    public static IReadOnlyList<IRoomEvent> WentOffline(RoomState s, string userId, DateTime now) =>
        s.Member(userId) is { Online: true } m ? [new MemberPresenceChanged(s.Seq + 1, now, userId, m.Status, false)] : [];

    /// <summary>Active members with no connection and no vote for <paramref name="after"/> turn inactive.</summary>
    public static IReadOnlyList<IRoomEvent> Inactivity(RoomState s, TimeSpan after, DateTime now)
    {
        var seq = s.Seq;
        return s.Members
            .Where(m => m is { Status: MemberStatus.Active, Online: false } && now - m.LastActivity >= after)
            .Select(m => (IRoomEvent)new MemberPresenceChanged(++seq, now, m.UserId, MemberStatus.Inactive, false))
            .ToArray();
    }

    private static void RequireCreator(RoomState s, string userId, string action)
    {
        RequireMember(s, userId);
        if (s.CreatorId != userId) throw new TrinityException(ErrorCodes.Forbidden, $"only the room's creator can {action}");
    }

    public static MemberState RequireMember(RoomState s, string userId) =>
        s.Member(userId) is { Status: not MemberStatus.Left } m
            ? m
            : throw new TrinityException(ErrorCodes.Forbidden, "you are not a member of this room");
}
