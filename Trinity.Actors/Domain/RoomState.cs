using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

public sealed record MemberState(string UserId, string DisplayName, MemberRole Role, MemberStatus Status, bool Online, DateTime LastActivity);

/// <summary>A cast vote and the answer its voter was given then, returned again for a repeat.</summary>
/// <param name="Result">the answer without the match the vote made (that is <see cref="RoomState.MatchMadeBy"/>);
/// snapshots older than that field carry the match here</param>
public sealed record VoteRecord(VoteType VoteType, string? VoteId, VoteResult Result);

/// <summary>
/// Everything about one room, immutable: <see cref="Apply"/> of an event gives the next state (so recovery replays
/// to the same state), and the state is saved whole as the journal snapshot.
/// </summary>
public sealed record RoomState : ITrinityMessage
{
    public string RoomId { get; init; } = "";
    public string InviteCode { get; init; } = "";
    public RoomSettings? Settings { get; init; }
    public string CreatorId { get; init; } = "";
    public RoomStatus Status { get; init; }
    /// <summary>When the room turned finished; absent from snapshots older than the field.</summary>
    public DateTime? FinishedAt { get; init; }
    public long Seq { get; init; }
    /// <summary>When the latest event happened (operators ask); absent from snapshots older than the field.</summary>
    public DateTime? LastEventAt { get; init; }
    public ImmutableList<MediaItem> Titles { get; init; } = [];
    /// <summary>Sizes of the consecutive title batches: the initial list, then each recommendation.</summary>
    public ImmutableList<int> Batches { get; init; } = [];
    /// <summary>
    /// Batch index → userId → where in that member's queue the batch went: their next unvoted place when it
    /// was added (members who join later get it first). Batches not here are appended (older journals).
    /// </summary>
    public ImmutableDictionary<int, ImmutableDictionary<string, int>> FrontBatches { get; init; } =
        ImmutableDictionary<int, ImmutableDictionary<string, int>>.Empty;
    public ImmutableList<MemberState> Members { get; init; } = [];
    /// <summary>userId → mediaId → vote: the one record of who voted what.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, VoteRecord>> Votes { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, VoteRecord>>.Empty;
    public ImmutableList<Match> Matches { get; init; } = [];
    /// <summary>mediaId → the member whose vote made it match (absent for matches made by the eligible set shrinking).</summary>
    public ImmutableDictionary<string, string> MatchMadeBy { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>How the room ended; null while open (and for a room everyone left).</summary>
    public RoomFinish? Finished { get; init; }
    /// <summary>The latest room chat lines, oldest first; absent from snapshots older than the field.</summary>
    public ImmutableList<ChatLine> Chat { get; init; } = [];

    public const int ChatKept = 50;

    /// <summary>Each member's queue, worked out once per list of titles (a new list starts a new cache).</summary>
    private ConcurrentDictionary<string, IReadOnlyList<MediaItem>> Queues { get; init; } = new();

    [JsonIgnore] public bool IsCreated => Settings is not null;
    [JsonIgnore] public bool IsFinished => Status == RoomStatus.Finished;

    public MemberState? Member(string userId) => Members.Find(m => m.UserId == userId);

    /// <summary>A member in the protocol's sense: joined and not left.</summary>
    public bool IsMember(string userId) => Member(userId) is { Status: not MemberStatus.Left };

    public int MemberCount => Members.Count(m => m.Status != MemberStatus.Left);

    public IReadOnlySet<string> EligibleVoters() =>
        Members.Where(m => m.Status == MemberStatus.Active).Select(m => m.UserId).ToHashSet();

    /// <summary>Current members (not left) who like the title.</summary>
    public IReadOnlySet<string> Likers(string mediaId) =>
        Members.Where(m => m.Status != MemberStatus.Left && VotesOf(m.UserId).GetValueOrDefault(mediaId)?.VoteType == VoteType.Like)
            .Select(m => m.UserId).ToHashSet();

    public ImmutableDictionary<string, VoteRecord> VotesOf(string userId) =>
        Votes.GetValueOrDefault(userId, ImmutableDictionary<string, VoteRecord>.Empty);

    /// <summary>The answer the member got for their vote on the title, with the match it made; null when there is no vote.</summary>
    public VoteResult? VoteAnswer(string userId, string mediaId) =>
        VotesOf(userId).GetValueOrDefault(mediaId)?.Result is { } result
            ? result with { Matched = result.Matched ?? (MatchMadeBy.GetValueOrDefault(mediaId) == userId ? Match(mediaId) : null) }
            : null;

    public MediaItem? Title(string mediaId) => Titles.Find(t => t.MediaId == mediaId);

    public Match? Match(string mediaId) => Matches.Find(m => m.MediaId == mediaId);

    public bool IsMatched(string mediaId) => Matches.Exists(m => m.MediaId == mediaId);

    /// <summary>The member's own order: each batch shuffled by (roomId, userId, batch), batches in order.</summary>
    public IReadOnlyList<MediaItem> QueueOf(string userId) => Queues.GetOrAdd(userId, BuildQueue);

    private List<MediaItem> BuildQueue(string userId)
    {
        var queue = new List<MediaItem>(Titles.Count);
        var start = 0;
        for (var batch = 0; batch < Batches.Count; batch++)
        {
            var items = StableShuffle.Shuffle(Titles.GetRange(start, Batches[batch]), StableShuffle.Seed(RoomId, userId, batch.ToString()));
            if (FrontBatches.TryGetValue(batch, out var places)) queue.InsertRange(Math.Min(places.GetValueOrDefault(userId), queue.Count), items);
            else queue.AddRange(items);
            start += Batches[batch];
        }
        return queue;
    }

    /// <summary>Where the member's next unvoted title is in their queue; the queue's length when none is left.</summary>
    public int CurrentIndex(string userId)
    {
        var votes = VotesOf(userId);
        var queue = QueueOf(userId);
        for (var i = 0; i < queue.Count; i++)
            if (!votes.ContainsKey(queue[i].MediaId)) return i;
        return queue.Count;
    }

    /// <summary>The member's next unvoted title; null when none is left.</summary>
    public string? NextMediaId(string userId)
    {
        var index = CurrentIndex(userId);
        var queue = QueueOf(userId);
        return index < queue.Count ? queue[index].MediaId : null;
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

    /// <summary>The state after the event.</summary>
    public RoomState Apply(IRoomEvent e) => On(e) with { Seq = e.Seq, LastEventAt = e.At };

    private RoomState On(IRoomEvent e) => e switch
    {
        RoomCreated c => this with
        {
            RoomId = c.RoomId,
            InviteCode = c.InviteCode,
            Settings = c.Settings,
            CreatorId = c.CreatorId,
            Status = RoomStatus.Active,
            Titles = [.. c.Titles],
            Batches = [c.Titles.Count],
            Members = Members.Add(new MemberState(c.CreatorId, c.CreatorName, MemberRole.Creator, MemberStatus.Active, c.CreatorOnline, c.At)),
            Queues = new(),
        },
        MemberJoined j => this with
        {
            Members = Members.Add(new MemberState(j.UserId, j.DisplayName, MemberRole.Member, MemberStatus.Active, j.Online, j.At)),
        },
        // Turning inactive is the absence of activity, not activity.
        MemberPresenceChanged p => WithMember(p.UserId, m => m with
        {
            Status = p.Status, Online = p.Online, LastActivity = p.Status == MemberStatus.Inactive ? m.LastActivity : p.At,
        }),
        RoomStatusChanged s => StatusChanged(s),
        RoomFinished f => this with { Finished = new RoomFinish(f.Reason, f.Pick, f.Ranking) },
        VoteCast v => VoteCast(v),
        VoteWithdrawn w => (this with { Votes = Votes.SetItem(w.UserId, VotesOf(w.UserId).Remove(w.MediaId)) })
            .WithMember(w.UserId, m => m with { LastActivity = w.At }),
        MatchFound m => this with
        {
            Matches = Matches.Add(new Match(m.MediaId, m.MediaTitle, m.Participants, m.MatchType, m.At)),
            MatchMadeBy = m.TriggeredBy is { } voter ? MatchMadeBy.SetItem(m.MediaId, voter) : MatchMadeBy,
        },
        TitlesRecommended r => this with
        {
            FrontBatches = r.AtFront
                ? FrontBatches.SetItem(Batches.Count, Members.ToImmutableDictionary(m => m.UserId, m => CurrentIndex(m.UserId)))
                : FrontBatches,
            Titles = Titles.AddRange(r.Titles),
            Batches = Batches.Add(r.Titles.Count),
            Queues = new(),
        },
        ChatPosted c => this with { Chat = Kept(Chat.Add(new ChatLine(c.Seq, c.At, c.UserId, c.DisplayName, c.Text))) },
        _ => this,
    };

    private RoomState StatusChanged(RoomStatusChanged s)
    {
        var next = this with { Status = s.Status };
        if (s.Status != RoomStatus.Finished) return next;
        // Journals from before RoomFinished existed: the ending is worked out as it would have been then.
        var finished = Finished ?? (Finishing.ReasonFor(s.Reason) is { } reason ? Finishing.For(this, reason) : null);
        return next with { Finished = finished, FinishedAt = FinishedAt ?? s.At };
    }

    /// <summary>Records the vote with the answer its voter gets: progress and next title count the vote itself.</summary>
    private RoomState VoteCast(VoteCast v)
    {
        var votes = VotesOf(v.UserId);
        var queue = QueueOf(v.UserId);
        var next = queue.FirstOrDefault(t => t.MediaId != v.MediaId && !votes.ContainsKey(t.MediaId));
        var cast = votes.ContainsKey(v.MediaId) ? votes.Count : votes.Count + 1;
        var result = new VoteResult(RoomId, v.MediaId, v.VoteType, ProgressMath.Of(cast, Titles.Count), next?.MediaId, next is null, null);
        return (this with { Votes = Votes.SetItem(v.UserId, votes.SetItem(v.MediaId, new VoteRecord(v.VoteType, v.VoteId, result))) })
            .WithMember(v.UserId, m => m with { LastActivity = v.At });
    }

    private RoomState WithMember(string userId, Func<MemberState, MemberState> change)
    {
        var index = Members.FindIndex(m => m.UserId == userId);
        return this with { Members = Members.SetItem(index, change(Members[index])) };
    }

    private static ImmutableList<ChatLine> Kept(ImmutableList<ChatLine> chat) =>
        chat.Count > ChatKept ? chat.RemoveRange(0, chat.Count - ChatKept) : chat;

    /// <summary>After recovery nobody is connected: subscriptions are not durable, presence is rebuilt by joins.</summary>
    public RoomState AllOffline() => this with { Members = [.. Members.Select(m => m with { Online = false })] };
}
