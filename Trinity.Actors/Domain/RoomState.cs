using System.Text.Json.Serialization;
using Trinity.Actors.Messages.Events;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

public sealed class MemberState
{
    public required string UserId { get; init; }
    public required string DisplayName { get; set; }
    public MemberRole Role { get; init; }
    public MemberStatus Status { get; set; }
    public bool Online { get; set; }
    public DateTime LastActivity { get; set; }
}

/// <summary>A cast vote and the result its voter was given, returned again for a repeat.</summary>
public sealed record VoteRecord(VoteType VoteType, string? VoteId, VoteResult Result);

/// <summary>
/// Everything about one room, changed only by <see cref="Apply"/> of its events (so recovery
/// replays to the same state) and saved whole as the journal snapshot.
/// </summary>
public sealed class RoomState : ITrinityMessage
{
    public string RoomId { get; set; } = "";
    public string InviteCode { get; set; } = "";
    public RoomSettings? Settings { get; set; }
    public string CreatorId { get; set; } = "";
    public RoomStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the room turned finished; absent from snapshots older than the field.</summary>
    public DateTime? FinishedAt { get; set; }
    public long Seq { get; set; }
    /// <summary>When the latest event happened (operators ask); absent from snapshots older than the field.</summary>
    public DateTime? LastEventAt { get; set; }
    public List<MediaItem> Titles { get; set; } = [];
    /// <summary>Sizes of the consecutive title batches: the initial list, then each recommendation.</summary>
    public List<int> Batches { get; set; } = [];
    /// <summary>
    /// Batch index → userId → where in that member's queue the batch went: their next unvoted place when it
    /// was added (members who join later get it first). Batches not here are appended (older journals).
    /// </summary>
    public Dictionary<int, Dictionary<string, int>> FrontBatches { get; set; } = new();
    public List<MemberState> Members { get; set; } = [];
    /// <summary>userId → mediaId → vote.</summary>
    public Dictionary<string, Dictionary<string, VoteRecord>> Votes { get; set; } = new();
    public List<Match> Matches { get; set; } = [];
    /// <summary>How the room ended; null while open (and for a room everyone left).</summary>
    public RoomFinish? Finished { get; set; }
    /// <summary>The latest room chat lines, oldest first; absent from snapshots older than the field.</summary>
    public List<ChatLine> Chat { get; set; } = [];

    public const int ChatKept = 50;

    private readonly Dictionary<string, IReadOnlyList<MediaItem>> _queues = new();

    [JsonIgnore] public bool IsCreated => Settings is not null;
    [JsonIgnore] public bool IsFinished => Status == RoomStatus.Finished;

    public MemberState? Member(string userId) => Members.Find(m => m.UserId == userId);

    /// <summary>A member in the protocol's sense: joined and not left.</summary>
    public bool IsMember(string userId) => Member(userId) is { Status: not MemberStatus.Left };

    public int MemberCount => Members.Count(m => m.Status != MemberStatus.Left);

    public IReadOnlySet<string> EligibleVoters() =>
        Members.Where(m => m.Status == MemberStatus.Active).Select(m => m.UserId).ToHashSet();

    public IReadOnlySet<string> Likers(string mediaId) =>
        Members.Where(m => m.Status != MemberStatus.Left && VotesOf(m.UserId).GetValueOrDefault(mediaId)?.VoteType == VoteType.Like)
            .Select(m => m.UserId).ToHashSet();

    public IReadOnlyDictionary<string, VoteRecord> VotesOf(string userId) =>
        Votes.TryGetValue(userId, out var votes) ? votes : EmptyVotes;

    public MediaItem? Title(string mediaId) => Titles.Find(t => t.MediaId == mediaId);

    public bool IsMatched(string mediaId) => Matches.Exists(m => m.MediaId == mediaId);

    /// <summary>The member's own order: each batch shuffled by (roomId, userId, batch), batches in order.</summary>
    public IReadOnlyList<MediaItem> QueueOf(string userId)
    {
        if (_queues.TryGetValue(userId, out var cached)) return cached;
        var queue = new List<MediaItem>(Titles.Count);
        var start = 0;
        for (var batch = 0; batch < Batches.Count; batch++)
        {
            var items = StableShuffle.Shuffle(Titles.GetRange(start, Batches[batch]), StableShuffle.Seed(RoomId, userId, batch.ToString()));
            if (FrontBatches.TryGetValue(batch, out var places)) queue.InsertRange(Math.Min(places.GetValueOrDefault(userId), queue.Count), items);
            else queue.AddRange(items);
            start += Batches[batch];
        }
        return _queues[userId] = queue;
    }

    public int CurrentIndex(string userId)
    {
        var votes = VotesOf(userId);
        var queue = QueueOf(userId);
        for (var i = 0; i < queue.Count; i++)
            if (!votes.ContainsKey(queue[i].MediaId)) return i;
        return queue.Count;
    }

    public Progress ProgressOf(string userId) => ProgressMath.Of(VotesOf(userId).Count, Titles.Count);

    /// <summary>Every active member has voted every title (and there is at least one).</summary>
    public bool IsExhausted()
    {
        var eligible = EligibleVoters();
        return eligible.Count > 0 && eligible.All(u => VotesOf(u).Count >= Titles.Count);
    }

    public MemberView[] MemberViews() =>
        Members.Select(m => new MemberView(m.UserId, m.DisplayName, m.Role, m.Status, m.Online, VotesOf(m.UserId).Count)).ToArray();

    public RoomSnapshot SnapshotFor(string userId)
    {
        var queue = QueueOf(userId);
        return new RoomSnapshot(RoomId, InviteCode, Settings!.Name, Status, Settings.Consensus, CreatorId,
            Settings.MaxMembers, Settings.EndOnFirstMatch,
            MemberViews(), queue, CurrentIndex(userId), ProgressOf(userId), Matches.ToArray(), Seq, Finished, Chat.ToArray());
    }

    public void Apply(IRoomEvent e)
    {
        switch (e)
        {
            case RoomCreated c:
                RoomId = c.RoomId;
                InviteCode = c.InviteCode;
                Settings = c.Settings;
                CreatorId = c.CreatorId;
                Status = RoomStatus.Active;
                CreatedAt = c.At;
                Titles = c.Titles.ToList();
                Batches = [c.Titles.Count];
                Members.Add(new MemberState
                {
                    UserId = c.CreatorId, DisplayName = c.CreatorName, Role = MemberRole.Creator,
                    Status = MemberStatus.Active, Online = c.CreatorOnline, LastActivity = c.At,
                });
                break;
            case MemberJoined j:
                Members.Add(new MemberState
                {
                    UserId = j.UserId, DisplayName = j.DisplayName, Role = MemberRole.Member,
                    Status = MemberStatus.Active, Online = j.Online, LastActivity = j.At,
                });
                break;
            case MemberPresenceChanged p:
                var member = Member(p.UserId)!;
                member.Status = p.Status;
                member.Online = p.Online;
                // Turning inactive is the absence of activity, not activity.
                if (p.Status != MemberStatus.Inactive) member.LastActivity = p.At;
                break;
            case RoomStatusChanged s:
                Status = s.Status;
                // Journals from before RoomFinished existed: the ending is worked out as it would have been then.
                if (s.Status == RoomStatus.Finished && Finishing.ReasonFor(s.Reason) is { } reason)
                    Finished ??= Finishing.For(this, reason);
                if (s.Status == RoomStatus.Finished) FinishedAt ??= s.At;
                break;
            case RoomFinished f:
                Finished = new RoomFinish(f.Reason, f.Pick, f.Ranking);
                break;
            case VoteCast v:
                ApplyVote(v);
                break;
            case VoteWithdrawn w:
                Votes[w.UserId].Remove(w.MediaId);
                Member(w.UserId)!.LastActivity = w.At;
                break;
            case MatchFound m:
                var match = new Match(m.MediaId, m.MediaTitle, m.Participants, m.MatchType, m.At);
                Matches.Add(match);
                if (m.TriggeredBy is { } voter && Votes.GetValueOrDefault(voter)?.GetValueOrDefault(m.MediaId) is { } record)
                    Votes[voter][m.MediaId] = record with { Result = record.Result with { Matched = match } };
                break;
            case TitlesRecommended r:
                if (r.AtFront) FrontBatches[Batches.Count] = Members.ToDictionary(m => m.UserId, m => CurrentIndex(m.UserId));
                Titles.AddRange(r.Titles);
                Batches.Add(r.Titles.Count);
                _queues.Clear();
                break;
            case ChatPosted c:
                Chat.Add(new ChatLine(c.Seq, c.At, c.UserId, c.DisplayName, c.Text));
                if (Chat.Count > ChatKept) Chat.RemoveRange(0, Chat.Count - ChatKept);
                break;
        }
        Seq = e.Seq;
        LastEventAt = e.At;
    }

    private void ApplyVote(VoteCast v)
    {
        if (!Votes.TryGetValue(v.UserId, out var votes)) Votes[v.UserId] = votes = new Dictionary<string, VoteRecord>();
        votes[v.MediaId] = new VoteRecord(v.VoteType, v.VoteId, null!);
        var index = CurrentIndex(v.UserId);
        var queue = QueueOf(v.UserId);
        var result = new VoteResult(RoomId, v.MediaId, v.VoteType, ProgressOf(v.UserId),
            index < queue.Count ? queue[index].MediaId : null, index >= queue.Count, null);
        votes[v.MediaId] = new VoteRecord(v.VoteType, v.VoteId, result);
        Member(v.UserId)!.LastActivity = v.At;
    }

    /// <summary>After recovery nobody is connected: subscriptions are not durable, presence is rebuilt by joins.</summary>
    public void MarkAllOffline()
    {
        foreach (var m in Members) m.Online = false;
    }

    private static readonly IReadOnlyDictionary<string, VoteRecord> EmptyVotes = new Dictionary<string, VoteRecord>();
}
