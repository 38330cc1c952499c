using Trinity.Actors.Protocol;
using static Trinity.Actors.Domain.Decision;

namespace Trinity.Actors.Domain;

/// <summary>
/// The room's decisions as pure functions of its state: <see cref="Decide"/> gives the events to persist
/// (numbered from the state's seq) or a refusal with the protocol's error code, and changes nothing.
/// </summary>
public static class RoomRules
{
    public static Decision Decide(RoomState s, RoomCommand command, DateTime now) => command switch
    {
        RoomCommand.Create c => Create(s, c, now),
        RoomCommand.Join c => Join(s, c, now),
        RoomCommand.Leave c => Leave(s, c.UserId, now),
        RoomCommand.Vote c => Vote(s, c, now),
        RoomCommand.Undo c => Undo(s, c.UserId, c.MediaId, now),
        RoomCommand.Close c => Close(s, c.UserId, now),
        RoomCommand.DecideNow c => DecideNow(s, c.UserId, now),
        RoomCommand.Chat c => NotAMember(s, c.UserId) ?? Accept(new ChatPosted(s.Seq + 1, now, c.UserId, s.Member(c.UserId)!.DisplayName, c.Text)),
        RoomCommand.PrivateMessage c => NotAMember(s, c.UserId)
            ?? (s.IsMember(c.ToUserId) ? Nothing : new Rejected(ErrorCodes.Forbidden, "the recipient is not a member of this room")),
        RoomCommand.RequestSuggestions c => NotAMember(s, c.UserId) ?? NotFinished(s) ?? Nothing,
        RoomCommand.AddSuggestions c => AddSuggestions(s, c, now),
        RoomCommand.GoOffline c => s.Member(c.UserId) is { Online: true } m
            ? Accept(new MemberPresenceChanged(s.Seq + 1, now, c.UserId, m.Status, false))
            : Nothing,
        RoomCommand.MarkInactive c => MarkInactive(s, c.After, now),
        RoomCommand.RecordMatches c => RecordMatches(s, c, now),
        RoomCommand.FinishIfDone => FinishIfDone(s, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "no rule for this command"),
    };

    /// <summary>The events of a decision that is never refused (the room's own follow-ups).</summary>
    public static IReadOnlyList<IRoomEvent> Events(RoomState s, RoomCommand command, DateTime now) =>
        Decide(s, command, now) is Accepted a ? a.Events
            : throw new InvalidOperationException($"{command} was refused; the room's own follow-ups never are");

    /// <summary>Refused unless the user is a member (joined and not left).</summary>
    public static Decision? NotAMember(RoomState s, string userId) =>
        s.IsMember(userId) ? null : new Rejected(ErrorCodes.Forbidden, "you are not a member of this room");

    private static Decision? NotFinished(RoomState s) =>
        s.IsFinished ? new Rejected(ErrorCodes.RoomClosed, "the room is finished") : null;

    private static Decision? NotTheCreator(RoomState s, string userId, string action) =>
        NotAMember(s, userId) ?? (s.CreatorId == userId ? null : new Rejected(ErrorCodes.Forbidden, $"only the room's creator can {action}"));

    private static Decision? NotInRoom(RoomState s, string mediaId) =>
        s.Title(mediaId) is null ? new Rejected(ErrorCodes.MediaNotInRoom, $"'{mediaId}' is not in this room's list") : null;

    private static Decision Create(RoomState s, RoomCommand.Create c, DateTime now)
    {
        if (s.IsCreated) return Refusal(TrinityException.Validation("roomId", "is already taken"));
        if (c.Titles.Count == 0) return Refusal(TrinityException.Validation("filters", "leave no title of the catalogue"));
        return Accept(new RoomCreated(s.Seq + 1, now, c.RoomId, c.InviteCode, c.Settings, c.UserId, c.DisplayName, c.Online, c.Titles));
    }

    /// <summary>The protocol's wording of a refusal, as a value.</summary>
    private static Rejected Refusal(TrinityException e) => new(e.Code, e.Detail);

    private static Decision Join(RoomState s, RoomCommand.Join c, DateTime now)
    {
        // A finished room's invite code works for the grace period more, then names no room.
        if (c.InviteCodeGrace is { } grace && s.IsFinished && now - (s.FinishedAt ?? s.LastEventAt ?? DateTime.MinValue) >= grace)
            return Refusal(TrinityException.UnknownInviteCode(s.InviteCode));
        var member = s.Member(c.UserId);
        var seq = s.Seq;
        if (member is null or { Status: MemberStatus.Left })
        {
            if (NotFinished(s) is { } finished) return finished;
            if (s.MemberCount >= s.Settings!.MaxMembers)
                return new Rejected(ErrorCodes.RoomFull, $"the room already has {s.Settings.MaxMembers} members");
            IRoomEvent joined = member is null
                ? new MemberJoined(++seq, now, c.UserId, c.DisplayName, c.Online)
                : new MemberPresenceChanged(++seq, now, c.UserId, MemberStatus.Active, c.Online);
            return Accept(joined, new RoomStatusChanged(++seq, now, s.Status, StateChangeReason.MemberJoined));
        }
        if (c.Announce || member.Status == MemberStatus.Inactive || member.Online != c.Online)
            return Accept(new MemberPresenceChanged(++seq, now, c.UserId, MemberStatus.Active, c.Online));
        return Nothing;
    }

    private static Decision Leave(RoomState s, string userId, DateTime now) =>
        NotAMember(s, userId) ?? Accept(
            new MemberPresenceChanged(s.Seq + 1, now, userId, MemberStatus.Left, false),
            new RoomStatusChanged(s.Seq + 2, now, s.Status, StateChangeReason.MemberLeft));

    private static Decision Vote(RoomState s, RoomCommand.Vote c, DateTime now)
    {
        if (NotAMember(s, c.UserId) is { } notMember) return notMember;
        var votes = s.VotesOf(c.UserId);
        if (c.VoteId is not null && votes.FirstOrDefault(v => v.Value.VoteId == c.VoteId) is { Value: not null } sameId)
            return new Repeated(s.VoteAnswer(c.UserId, sameId.Key)!);
        if (NotInRoom(s, c.MediaId) is { } notInRoom) return notInRoom;
        if (votes.GetValueOrDefault(c.MediaId) is { } earlier)
            return earlier.VoteType == c.VoteType
                ? new Repeated(s.VoteAnswer(c.UserId, c.MediaId)!)
                : new Rejected(ErrorCodes.AlreadyVoted, $"already voted {earlier.VoteType.ToString().ToLowerInvariant()} on '{c.MediaId}'");
        if (NotFinished(s) is { } finished) return finished;

        var seq = s.Seq;
        var member = s.Member(c.UserId)!;
        var events = new List<IRoomEvent>(2);
        if (member.Status == MemberStatus.Inactive)
            events.Add(new MemberPresenceChanged(++seq, now, c.UserId, MemberStatus.Active, member.Online));
        events.Add(new VoteCast(++seq, now, c.UserId, c.MediaId, c.VoteType, c.VoteId));
        return new Accepted(events);
    }

    private static Decision RecordMatches(RoomState s, RoomCommand.RecordMatches c, DateTime now)
    {
        var seq = s.Seq;
        return new Accepted(c.Decisions
            .Where(d => !s.IsMatched(d.MediaId))
            .Select(d => (IRoomEvent)new MatchFound(++seq, now, d.MediaId, s.Title(d.MediaId)!.Title, d.Participants,
                s.Settings!.Consensus, c.TriggeredBy))
            .ToArray());
    }

    private static Decision FinishIfDone(RoomState s, DateTime now)
    {
        if (s.IsFinished) return Nothing;
        if (s.MemberCount == 0) return Accept(new RoomStatusChanged(s.Seq + 1, now, RoomStatus.Finished, StateChangeReason.Empty));
        return s.Settings!.EndOnFirstMatch && s.Matches.Count > 0 ? Finish(s, StateChangeReason.FirstMatch, now)
            : s.IsExhausted() ? Finish(s, StateChangeReason.Exhausted, now)
            : Nothing;
    }

    private static Decision Close(RoomState s, string userId, DateTime now) =>
        NotTheCreator(s, userId, "close it") ?? (s.IsFinished ? Nothing : Finish(s, StateChangeReason.Closed, now));

    /// <summary>The creator ends the room with the best title so far; once finished, asking again changes nothing.</summary>
    private static Decision DecideNow(RoomState s, string userId, DateTime now)
    {
        if (NotTheCreator(s, userId, "decide") is { } refused) return refused;
        if (s.IsFinished) return Nothing;
        if (!Finishing.CanDecide(s)) return new Rejected(ErrorCodes.Forbidden, "nothing to decide yet: no title has a like");
        return Finish(s, StateChangeReason.Decided, now);
    }

    /// <summary>The status change everyone already knows, then the ending with its pick.</summary>
    private static Accepted Finish(RoomState s, StateChangeReason reason, DateTime now)
    {
        var finish = Finishing.For(s, Finishing.ReasonFor(reason)!.Value);
        return Accept(
            new RoomStatusChanged(s.Seq + 1, now, RoomStatus.Finished, reason),
            new RoomFinished(s.Seq + 2, now, finish.Reason, finish.Pick, finish.Ranking));
    }

    /// <summary>Withdraws the member's own vote while the room is open and the title has not matched; no vote, no event.</summary>
    private static Decision Undo(RoomState s, string userId, string mediaId, DateTime now)
    {
        if ((NotAMember(s, userId) ?? NotInRoom(s, mediaId) ?? NotFinished(s)) is { } refused) return refused;
        if (!s.VotesOf(userId).ContainsKey(mediaId)) return Nothing;
        if (s.IsMatched(mediaId)) return new Rejected(ErrorCodes.Forbidden, $"'{mediaId}' has matched; its votes are final");
        return Accept(new VoteWithdrawn(s.Seq + 1, now, userId, mediaId));
    }

    private static Decision AddSuggestions(RoomState s, RoomCommand.AddSuggestions c, DateTime now)
    {
        if (s.IsFinished) return Nothing;
        var fresh = c.Titles.Select((t, i) => (Title: t, Reason: c.Reasons?.ElementAtOrDefault(i) ?? ""))
            .Where(p => s.Title(p.Title.MediaId) is null).DistinctBy(p => p.Title.MediaId).ToArray();
        return Accept(new TitlesRecommended(s.Seq + 1, now, c.RequestedBy, fresh.Select(p => p.Title).ToArray(), c.Genres, c.Reasoning,
            c.EmotionalState, c.Confidence, c.Source, c.Reading, c.Reasons is null ? null : fresh.Select(p => p.Reason).ToArray(), c.Language,
            AtFront: true));
    }

    private static Decision MarkInactive(RoomState s, TimeSpan after, DateTime now)
    {
        var seq = s.Seq;
        return new Accepted(s.Members
            .Where(m => m is { Status: MemberStatus.Active, Online: false } && now - m.LastActivity >= after)
            .Select(m => (IRoomEvent)new MemberPresenceChanged(++seq, now, m.UserId, MemberStatus.Inactive, false))
            .ToArray());
    }
}
