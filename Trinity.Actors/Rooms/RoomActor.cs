using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Trinity.Actors.Catalog;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Domain;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Storage;

namespace Trinity.Actors.Rooms;

/// <summary>
/// One room, event-sourced: every change is persisted before anyone hears of it, then applied, sent to
/// the subscribers (one relay per node with connections in the room) with its seq, and only then acknowledged. Consensus is decided by the
/// <see cref="MatchDetector"/> child; while it answers, other commands wait in the stash.
/// A write that fails stops the room (Akka.Persistence cannot know what was stored): whoever waits on
/// it is answered UNAVAILABLE at once, and the node hears that its storage failed. Commands that wait
/// in a stopped room's stash reach <see cref="UnansweredCommands"/>; the shard entity restarts the room
/// with a backoff (<see cref="Hosting.TrinityAkkaExtensions.AddRoomActors"/>).
/// </summary>
public sealed class RoomActor : ReceivePersistentActor, IWithTimers
{
    private sealed class InactivityTick : INotInfluenceReceiveTimeout, INoSerializationVerificationNeeded
    {
        public static readonly InactivityTick Instance = new();
    }

    private sealed record RecommendationReady(string UserId, Recommendation Result) : INoSerializationVerificationNeeded;
    private sealed record RecommendationFailed(string UserId, Exception Cause) : INoSerializationVerificationNeeded;

    private readonly string _roomId;
    private readonly RoomActorSettings _settings;
    private readonly ICatalog _catalog;
    private readonly IRecommender _recommender;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly RoomSubscribers _subscribers;
    /// <summary>Callers whose answer waits on a write that is not done yet.</summary>
    private readonly HashSet<IActorRef> _awaiting = new();
    private RoomState _state = new();
    /// <summary>The latest wire events (rebuilt during recovery too), for connections that follow the room again.</summary>
    private readonly Queue<IRoomNotification> _recent = new();
    private const int RecentLimit = 256;
    private IActorRef _detector = ActorRefs.Nobody;

    public ITimerScheduler Timers { get; set; } = null!;
    public override string PersistenceId { get; }

    public static Props Props(string roomId, RoomActorSettings settings, ICatalog catalog, IRecommender recommender, TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new RoomActor(roomId, settings, catalog, recommender, clock ?? TimeProvider.System));

    public RoomActor(string roomId, RoomActorSettings settings, ICatalog catalog, IRecommender recommender, TimeProvider clock)
    {
        _roomId = roomId;
        _settings = settings;
        _catalog = catalog;
        _recommender = recommender;
        _clock = clock;
        PersistenceId = PersistenceIdFor(roomId);
        _subscribers = new RoomSubscribers(Context);

        Recover<SnapshotOffer>(offer => _state = (RoomState)offer.Snapshot);
        Recover<IRoomEvent>(e => Apply(e));
        Recover<RecoveryCompleted>(_ => Recovered());

        Command<CreateRoom>(c => Guarded(() => Create(c), requireCreated: false));
        Command<JoinRoom>(c => Guarded(() => Join(c)));
        Command<Resubscribe>(Resubscribe);
        Command<Unsubscribe>(u =>
        {
            if (_subscribers.Remove(u.Subscriber, u.UserId)) WentOffline([u.UserId]);
        });
        Command<GetRoomState>(q => Guarded(() =>
            Sender.Tell(RoomRules.NotAMember(_state, q.UserId) is Decision.Rejected refused ? Rejection(refused) : _state.SnapshotFor(q.UserId))));
        Command<CastVote>(c => Guarded(() => Vote(c)));
        Command<LeaveRoom>(c => Guarded(() => Leave(c)));
        Command<CloseRoom>(c => Guarded(() => Close(c)));
        Command<DecideNow>(c => Guarded(() => Decide(c)));
        Command<UndoVote>(c => Guarded(() => Undo(c)));
        Command<SendChat>(c => Guarded(() => Chat(c)));
        Command<RequestRecommendations>(c => Guarded(() => Recommend(c)));
        Command<RecommendationReady>(r => PersistThen(RoomRules.Events(_state, Suggestions(r.UserId, r.Result), Now), () => { }));
        Command<RecommendationFailed>(f => _log.Warning(f.Cause, "Room {0}: recommendation for {1} failed", _roomId, f.UserId));
        Command<GetRoomStats>(_ => Guarded(() => Sender.Tell(Stats())));
        Command<GetRoomDetail>(_ => Guarded(() => Sender.Tell(new RoomDetail(Stats(),
            Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString(), _state.LastEventAt, _state.MemberViews()))));
        Command<InactivityTick>(_ => LookForInactivity());
        Command<Terminated>(t => SubscriberGone(t.ActorRef));
        Command<ReceiveTimeout>(_ =>
        {
            if (_subscribers.IsEmpty) Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Room {0}: snapshot failed", _roomId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => _log.Warning(f.Cause, "Room {0}: old snapshots not deleted", _roomId));
    }

    private RoomStats Stats() => new(_roomId, _state.Status, _state.MemberCount,
        _state.Members.Count(m => m.Online), _subscribers.Count, _state.Seq, _state.Settings?.Name);

    protected override void PreStart()
    {
        TrinityMetrics.RoomsLive.Add(1);
        base.PreStart();
    }

    protected override void PostStop()
    {
        TrinityMetrics.RoomsLive.Add(-1);
        base.PostStop();
    }

    public static string PersistenceIdFor(string roomId) => "room-" + roomId;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private void Recovered()
    {
        _state = _state.AllOffline();
        _detector = Context.ActorOf(Akka.Actor.Props.Create<MatchDetector>(), "match-detector");
        if (_state.IsCreated) StartInactivityChecks();
        Context.SetReceiveTimeout(_settings.IdleAfter);
    }

    private void Create(CreateRoom c)
    {
        var titles = TitleSelection.ForRoom(_catalog.Candidates(c.Settings.Filters), c.Settings.Filters, c.Settings.QueueSize, c.RoomId);
        if (!Decided(new RoomCommand.Create(c.RoomId, c.InviteCode, c.Settings, c.UserId, c.DisplayName, c.Subscriber is not null, titles),
                out var events)) return;
        var sender = Awaiting();
        PersistThen(events, () =>
        {
            StartInactivityChecks();
            Subscribe(c.Subscriber, c.UserId);
            Answer(sender, _state.SnapshotFor(c.UserId));
        });
    }

    private void Join(JoinRoom c)
    {
        var online = c.Subscriber is not null || _subscribers.IsOnline(c.UserId);
        var grace = c.InviteCode is null ? (TimeSpan?)null : _settings.InviteCodeGrace;
        if (!Decided(new RoomCommand.Join(c.UserId, c.DisplayName, online, grace), out var events)) return;
        var sender = Awaiting();
        PersistThen(events, () =>
        {
            Subscribe(c.Subscriber, c.UserId);
            Answer(sender, _state.SnapshotFor(c.UserId));
        });
    }

    /// <summary>
    /// Follows a connection again whose room had stopped. The subscription comes first and needs no write;
    /// then what it missed: every event it missed that the room still remembers, which, when they don't
    /// reach back far enough, shows the client a gap in seq, and it fetches a snapshot (docs/PROTOCOL.md
    /// section 4). Coming online is recorded last, best-effort; when nothing missed is remembered, that
    /// event is recorded anyway, so the gap shows.
    /// </summary>
    private void Resubscribe(Resubscribe c)
    {
        if (!_state.IsCreated || !_state.IsMember(c.UserId))
        {
            c.Subscriber.Tell(new UnsubscribedFromRoom(_roomId, c.UserId));
            return;
        }
        if (!Subscribe(c.Subscriber, c.UserId)) return;
        var missed = _recent.Where(n => n.Seq > c.AfterSeq).ToArray();
        foreach (var notification in missed) c.Subscriber.Tell(notification);
        var gapUnseen = missed.Length == 0 && _state.Seq > c.AfterSeq;
        var join = new RoomCommand.Join(c.UserId, _state.Member(c.UserId)!.DisplayName, Online: true, Announce: gapUnseen);
        PersistThen(RoomRules.Events(_state, join, Now), () => { });
    }

    /// <summary>Applies an event, replayed or new, and keeps its wire event among the recent ones.</summary>
    private IRoomNotification Apply(IRoomEvent e)
    {
        _state = _state.Apply(e);
        var notification = RoomNotifications.From(_state, e);
        if (_recent.Count == RecentLimit) _recent.Dequeue();
        _recent.Enqueue(notification);
        return notification;
    }

    private void Vote(CastVote c)
    {
        if (!Decided(new RoomCommand.Vote(c.UserId, c.MediaId, c.VoteType, c.VoteId), out var events)) return;
        var sender = Awaiting();
        PersistThen(events, () => CheckConsensus(new MatchDetector.CheckTitle(_state, c.MediaId), c.UserId,
            () => Answer(sender, _state.VoteAnswer(c.UserId, c.MediaId)!)));
    }

    private void Leave(LeaveRoom c)
    {
        if (!Decided(new RoomCommand.Leave(c.UserId), out var events)) return;
        var sender = Awaiting();
        PersistThen(events, () =>
        {
            Unsubscribe(c.UserId);
            CheckConsensus(new MatchDetector.CheckAllTitles(_state), null, () => Answer(sender, new LeftRoom(_roomId)));
        });
    }

    private void Close(CloseRoom c)
    {
        if (!Decided(new RoomCommand.Close(c.UserId), out var events)) return;
        var sender = Awaiting();
        PersistThen(events, () => Answer(sender, _state.SnapshotFor(c.UserId)));
    }

    private void Decide(DecideNow c)
    {
        if (!Decided(new RoomCommand.DecideNow(c.UserId), out var events)) return;
        var sender = Sender;
        PersistThen(events, () => sender.Tell(_state.SnapshotFor(c.UserId)));
    }

    private void Undo(UndoVote c)
    {
        if (!Decided(new RoomCommand.Undo(c.UserId, c.MediaId), out var events)) return;
        var sender = Sender;
        // Fewer votes never make a match, but the detector decides that, as after every change to the votes.
        PersistThen(events, () => CheckConsensus(new MatchDetector.CheckTitle(_state, c.MediaId), null, () =>
            sender.Tell(new UndoResult(_roomId, c.MediaId, events.Count > 0, _state.ProgressOf(c.UserId), _state.NextMediaId(c.UserId)))));
    }

    private void Chat(SendChat c)
    {
        if (c.ToUserId is null)
        {
            if (!Decided(new RoomCommand.Chat(c.UserId, c.Text), out var events)) return;
            var sender = Awaiting();
            PersistThen(events, () => Answer(sender, new MessageDelivered(true)));
            return;
        }
        if (!Decided(new RoomCommand.PrivateMessage(c.UserId, c.ToUserId), out _)) return;
        var message = new PrivateMessage(c.UserId, _state.Member(c.UserId)!.DisplayName, _roomId, c.Text, Now);
        var recipients = _subscribers.Of(c.ToUserId);
        foreach (var recipient in recipients) recipient.Tell(new ToMember(c.ToUserId, message));
        Sender.Tell(new MessageDelivered(recipients.Length > 0));
    }

    private void Recommend(RequestRecommendations c)
    {
        if (!Decided(new RoomCommand.RequestSuggestions(c.UserId), out _)) return;
        var liked = _state.Titles.Where(t => _state.Likers(t.MediaId).Count > 0).ToArray();
        var request = new RecommendationRequest(_roomId, c.Mood, _state.Settings!.Filters,
            _state.Titles.Select(t => t.MediaId).ToHashSet(), liked);
        Sender.Tell(new RecommendationsAccepted());
        var userId = c.UserId;
        _recommender.RecommendAsync(request).PipeTo(Self,
            success: r => new RecommendationReady(userId, r),
            failure: ex => new RecommendationFailed(userId, ex));
    }

    private static RoomCommand.AddSuggestions Suggestions(string userId, Recommendation r) =>
        new(userId, r.Titles, r.Genres, r.Reasoning, r.EmotionalState, r.Confidence, r.Source, r.Reading, r.Reasons, r.Language);

    private void LookForInactivity()
    {
        var events = RoomRules.Events(_state, new RoomCommand.MarkInactive(_settings.InactiveAfter), Now);
        if (events.Count > 0)
            PersistThen(events, () => CheckConsensus(new MatchDetector.CheckAllTitles(_state), null, () => { }));
    }

    private void SubscriberGone(IActorRef subscriber) => WentOffline(_subscribers.RemoveSubscriber(subscriber));

    /// <summary>One at a time: each decision numbers its event after the one before.</summary>
    private void WentOffline(IReadOnlyList<string> users, int next = 0)
    {
        if (next < users.Count)
            PersistThen(RoomRules.Events(_state, new RoomCommand.GoOffline(users[next]), Now), () => WentOffline(users, next + 1));
    }

    private void Unsubscribe(string userId)
    {
        foreach (var subscriber in _subscribers.RemoveUser(userId))
            subscriber.Tell(new UnsubscribedFromRoom(_roomId, userId));
    }

    private void Publish(IRoomNotification notification)
    {
        foreach (var subscriber in _subscribers.All) subscriber.Tell(notification);
    }

    /// <summary>Subscribes a relay for a user; false when it already was (then it is only told so again).</summary>
    private bool Subscribe(IActorRef? subscriber, string userId)
    {
        if (subscriber is null) return false;
        var added = _subscribers.Add(subscriber, userId);
        subscriber.Tell(new SubscribedToRoom(_roomId, userId));
        return added;
    }

    /// <summary>The current caller, whose answer waits on a write: told UNAVAILABLE if the write fails.</summary>
    private IActorRef Awaiting()
    {
        _awaiting.Add(Sender);
        return Sender;
    }

    private void Answer(IActorRef caller, object answer)
    {
        _awaiting.Remove(caller);
        caller.Tell(answer);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistFailure(cause, @event, sequenceNr);
        StorageFailed(cause);
    }

    /// <summary>Not stored, so nothing changed; but the events after it were numbered for it, so the room restarts.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        StorageFailed(cause);
        Context.Stop(Self);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        base.OnRecoveryFailure(reason, message);
        Context.System.EventStream.Publish(new StorageHealth.Failed(reason.Message));
    }

    private void StorageFailed(Exception cause)
    {
        foreach (var caller in _awaiting)
            caller.Tell(new CommandRejected(ErrorCodes.Unavailable, "the room could not store this; safe to retry"));
        _awaiting.Clear();
        Context.System.EventStream.Publish(new StorageHealth.Failed(cause.Message));
    }

    /// <summary>
    /// Asks the detector which titles now match, persists those matches and whatever finishes the room,
    /// then continues. Commands arriving meanwhile wait, so every decision sees the state it was made for.
    /// </summary>
    private void CheckConsensus(object check, string? triggeredBy, Action then)
    {
        _detector.Tell(check);
        BecomeStacked(() =>
        {
            Command<MatchDetector.ConsensusChecked>(c =>
            {
                UnbecomeStacked();
                Stash.UnstashAll();
                PersistThen(RoomRules.Events(_state, new RoomCommand.RecordMatches(c.Decisions, triggeredBy), Now),
                    () => PersistThen(RoomRules.Events(_state, new RoomCommand.FinishIfDone(), Now), then));
            });
            CommandAny(_ => Stash.Stash());
        });
    }

    private void PersistThen(IReadOnlyList<IRoomEvent> events, Action then)
    {
        if (events.Count == 0)
        {
            then();
            return;
        }
        var last = events[^1];
        var sent = Stopwatch.GetTimestamp();
        PersistAll(events, e =>
        {
            ApplyAndPublish(e);
            if (!ReferenceEquals(e, last)) return;
            TrinityMetrics.JournalWriteLatency.Record(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            then();
        });
    }

    private void ApplyAndPublish(IRoomEvent e)
    {
        var notification = Apply(e);
        if (e is VoteCast) TrinityMetrics.Votes.Add(1);
        if (e is MatchFound) TrinityMetrics.Matches.Add(1);
        Publish(notification);
        // The state is immutable: the snapshot store may serialise it later on its own thread.
        if (e.Seq % _settings.SnapshotEvery == 0) SaveSnapshot(_state);
    }

    private void StartInactivityChecks() =>
        Timers.StartPeriodicTimer("inactivity", InactivityTick.Instance, _settings.InactivityCheckInterval);

    /// <summary>Decides a command on the current state; a refusal or a repeat is the caller's answer at once.</summary>
    private bool Decided(RoomCommand command, out IReadOnlyList<IRoomEvent> events)
    {
        events = [];
        switch (RoomRules.Decide(_state, command, Now))
        {
            case Decision.Accepted accepted:
                events = accepted.Events;
                return true;
            case Decision.Repeated repeated:
                Sender.Tell(repeated.FirstAnswer);
                return false;
            case Decision.Rejected rejected:
                Sender.Tell(Rejection(rejected));
                return false;
            default:
                throw new InvalidOperationException($"unknown decision {command}");
        }
    }

    private static CommandRejected Rejection(Decision.Rejected r) => new(r.Code, r.Message);

    /// <summary>Commands other than create need the room; the catalogue may refuse too (no source answers).</summary>
    private void Guarded(Action handle, bool requireCreated = true)
    {
        if (requireCreated && !_state.IsCreated)
        {
            Sender.Tell(new CommandRejected(ErrorCodes.RoomNotFound, $"no room '{_roomId}'"));
            return;
        }
        try
        {
            handle();
        }
        catch (TrinityException e)
        {
            _awaiting.Remove(Sender);
            Sender.Tell(new CommandRejected(e.Code, e.Detail));
        }
    }
}
