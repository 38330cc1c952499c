using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

/// <summary>Turns a persisted room event into its wire event, read against the state after it was applied.</summary>
public static class RoomNotifications
{
    public static IRoomNotification From(RoomState s, IRoomEvent e) => e switch
    {
        RoomCreated c => StateChanged(s, c, StateChangeReason.Created),
        RoomStatusChanged c => StateChanged(s, c, c.Reason),
        MemberJoined j => MemberChanged(s, j, j.UserId),
        MemberPresenceChanged p => MemberChanged(s, p, p.UserId),
        VoteCast v => new VoteUpdate(s.RoomId, v.Seq, v.At, v.UserId, v.MediaId, v.VoteType, s.ProgressOf(v.UserId)),
        VoteWithdrawn w => new VoteWithdrawnNotice(s.RoomId, w.Seq, w.At, w.UserId, w.MediaId, s.ProgressOf(w.UserId)),
        RoomFinished f => new RoomFinishedNotice(s.RoomId, f.Seq, f.At, f.Reason, f.Pick, f.Ranking),
        MatchFound m => new MatchFoundNotice(s.RoomId, m.Seq, m.At, m.MediaId, m.MediaTitle, m.Participants, m.MatchType),
        TitlesRecommended r => new AiRecommendation(s.RoomId, r.Seq, r.At, r.RequestedBy,
            r.Titles.Select(t => t.MediaId).ToArray(), r.Titles.Select(t => t.Title).ToArray(), r.Genres,
            r.Reasoning, r.EmotionalState, r.Confidence, r.Source, r.Titles.Count, r.Reading, r.Reasons, r.Language),
        ChatPosted c => new ChatMessage(s.RoomId, c.Seq, c.At, c.UserId, c.DisplayName, c.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "no wire event for this room event"),
    };

    private static RoomStateChanged StateChanged(RoomState s, IRoomEvent e, StateChangeReason reason) =>
        new(s.RoomId, e.Seq, e.At, s.Status, null, s.Titles.Count, s.EligibleVoters().Count, reason);

    private static MemberStatusChanged MemberChanged(RoomState s, IRoomEvent e, string userId)
    {
        var m = s.Member(userId)!;
        return new MemberStatusChanged(s.RoomId, e.Seq, e.At, m.UserId, m.DisplayName, m.Status, m.Online, m.LastActivity);
    }
}
