using System.Diagnostics;
using System.Text.Json;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Trinity.Actors.Catalog;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Domain;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Events;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Serialization;
using Trinity.Actors.Storage;

namespace Trinity.Actors.Actors;

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
        {
            RoomRules.RequireMember(_state, q.UserId);
            Sender.Tell(_state.SnapshotFor(q.UserId));
        }));
        Command<CastVote>(c => Guarded(() => Vote(c)));
        Command<LeaveRoom>(c => Guarded(() => Leave(c)));
        Command<CloseRoom>(c => Guarded(() => Close(c)));
        Command<DecideNow>(c => Guarded(() => Decide(c)));
        Command<UndoVote>(c => Guarded(() => Undo(c)));
        Command<SendChat>(c => Guarded(() => Chat(c)));
        Command<RequestRecommendations>(c => Guarded(() => Recommend(c)));
        Command<RecommendationReady>(r => PersistThen(RoomRules.AddRecommended(_state, r.UserId, r.Result, Now), () => { }));
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
        _state.Members.Count(m => m.Online), _subscribers.Count, _state.Seq);

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
        _state.MarkAllOffline();
        _detector = Context.ActorOf(Akka.Actor.Props.Create<MatchDetector>(), "match-detector");
        _detector.Tell(new MatchDetector.Seed(Tally.Of(_state)));
        if (_state.IsCreated) StartInactivityChecks();
        Context.SetReceiveTimeout(_settings.IdleAfter);
    }

    private void Create(CreateRoom c)
    {
        var titles = TitleSelection.ForRoom(_catalog.Candidates(c.Settings.Filters), c.Settings.Filters, c.Settings.QueueSize, c.RoomId);
        var sender = Awaiting();
        PersistThen(RoomRules.Create(_state, c, titles, Now), () =>
        {
            StartInactivityChecks();
            Subscribe(c.Subscriber, c.UserId);
            Answer(sender, _state.SnapshotFor(c.UserId));
        });
    }

    private void Join(JoinRoom c)
    {
        if (c.InviteCode is not null) RoomRules.RequireLiveInviteCode(_state, _settings.InviteCodeGrace, Now);
        var online = c.Subscriber is not null || _subscribers.IsOnline(c.UserId);
        var sender = Awaiting();
        PersistThen(RoomRules.Join(_state, c.UserId, c.DisplayName, online, Now), () =>
        {
            Subscribe(c.Subscriber, c.UserId);
            Answer(sender, _state.SnapshotFor(c.UserId));
        });
    }

    /// <summary>
    /// Follows a connection again whose room had stopped. The subscription comes first and needs no write;
    /// then what it missed: every event it missed that the room still remembers, which, when they don't
    /// reach back far enough, shows the client a gap in seq, and it fetches a snapshot (PROTOCOL.md
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
        PersistThen(RoomRules.Join(_state, c.UserId, _state.Member(c.UserId)!.DisplayName, online: true, Now, announce: gapUnseen), () => { });
    }

    /// <summary>Applies an event, replayed or new, and keeps its wire event among the recent ones.</summary>
    private IRoomNotification Apply(IRoomEvent e)
    {
        _state.Apply(e);
        var notification = RoomNotifications.From(_state, e);
        if (_recent.Count == RecentLimit) _recent.Dequeue();
        _recent.Enqueue(notification);
        return notification;
    }

    private void Vote(CastVote c)
    {
        var decision = RoomRules.Vote(_state, c, Now);
        if (decision.Repeat is { } first)
        {
            Sender.Tell(first);
            return;
        }
        var sender = Awaiting();
        PersistThen(decision.Events, () => CheckConsensus(new MatchDetector.CheckTitle(c.MediaId), c.UserId,
            () => Answer(sender, _state.VotesOf(c.UserId)[c.MediaId].Result)));
    }

    private void Leave(LeaveRoom c)
    {
        var sender = Awaiting();
        PersistThen(RoomRules.Leave(_state, c.UserId, Now), () =>
        {
            foreach (var subscriber in _subscribers.RemoveUser(c.UserId))
                subscriber.Tell(new UnsubscribedFromRoom(_roomId, c.UserId));
            CheckConsensus(MatchDetector.CheckAllTitles.Instance, null, () => Answer(sender, new LeftRoom(_roomId)));
        });
    }

    private void Close(CloseRoom c)
    {
        var sender = Awaiting();
        PersistThen(RoomRules.Close(_state, c.UserId, Now), () => Answer(sender, _state.SnapshotFor(c.UserId)));
    }

    private void Decide(DecideNow c)
    {
        var sender = Sender;
        PersistThen(RoomRules.Decide(_state, c.UserId, Now), () => sender.Tell(_state.SnapshotFor(c.UserId)));
    }

    private void Undo(UndoVote c)
    {
        var events = RoomRules.Undo(_state, c.UserId, c.MediaId, Now);
        var sender = Sender;
        // Fewer votes never make a match, but the detector decides that, as after every change to the tally.
        PersistThen(events, () => CheckConsensus(new MatchDetector.CheckTitle(c.MediaId), null, () =>
        {
            var index = _state.CurrentIndex(c.UserId);
            var queue = _state.QueueOf(c.UserId);
            sender.Tell(new UndoResult(_roomId, c.MediaId, events.Count > 0, _state.ProgressOf(c.UserId),
                index < queue.Count ? queue[index].MediaId : null));
        }));
    }

    private void Chat(SendChat c)
    {
        if (c.ToUserId is null)
        {
            var sender = Awaiting();
            PersistThen(RoomRules.Chat(_state, c.UserId, c.Text, Now), () => Answer(sender, new MessageDelivered(true)));
            return;
        }
        var from = RoomRules.PrivateMessage(_state, c.UserId, c.ToUserId);
        var message = new PrivateMessage(from.UserId, from.DisplayName, _roomId, c.Text, Now);
        var recipients = _subscribers.Of(c.ToUserId);
        foreach (var recipient in recipients) recipient.Tell(new ToMember(c.ToUserId, message));
        Sender.Tell(new MessageDelivered(recipients.Length > 0));
    }

    private void Recommend(RequestRecommendations c)
    {
        RoomRules.Recommendations(_state, c.UserId);
        var liked = _state.Titles.Where(t => _state.Likers(t.MediaId).Count > 0).ToArray();
        var request = new RecommendationRequest(_roomId, c.Mood, _state.Settings!.Filters,
            _state.Titles.Select(t => t.MediaId).ToHashSet(), liked);
        Sender.Tell(new RecommendationsAccepted());
        var userId = c.UserId;
        _recommender.RecommendAsync(request).PipeTo(Self,
            success: r => new RecommendationReady(userId, r),
            failure: ex => new RecommendationFailed(userId, ex));
    }

    private void LookForInactivity()
    {
        var events = RoomRules.Inactivity(_state, _settings.InactiveAfter, Now);
        if (events.Count > 0)
            PersistThen(events, () => CheckConsensus(MatchDetector.CheckAllTitles.Instance, null, () => { }));
    }

    private void SubscriberGone(IActorRef subscriber) => WentOffline(_subscribers.RemoveSubscriber(subscriber));

    /// <summary>One at a time: each decision numbers its event after the one before.</summary>
    private void WentOffline(IReadOnlyList<string> users, int next = 0)
    {
        if (next < users.Count) PersistThen(RoomRules.WentOffline(_state, users[next], Now), () => WentOffline(users, next + 1));
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
                PersistThen(RoomRules.Matches(_state, c.Decisions, triggeredBy, Now),
                    () => PersistThen(RoomRules.Closing(_state, Now), then));
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
        switch (e)
        {
            case RoomCreated: _detector.Tell(new MatchDetector.Seed(Tally.Of(_state))); break;
            case MemberJoined j: _detector.Tell(new MatchDetector.MemberTallied(j.UserId, MemberStatus.Active)); break;
            case MemberPresenceChanged p: _detector.Tell(new MatchDetector.MemberTallied(p.UserId, p.Status)); break;
            case VoteCast v:
                _detector.Tell(new MatchDetector.VoteTallied(v.UserId, v.MediaId, v.VoteType));
                TrinityMetrics.Votes.Add(1);
                break;
            case VoteWithdrawn w: _detector.Tell(new MatchDetector.VoteForgotten(w.UserId, w.MediaId)); break;
            case MatchFound: TrinityMetrics.Matches.Add(1); break;
        }
        foreach (var subscriber in _subscribers.All) subscriber.Tell(notification);
        // The snapshot store serialises later, on its own thread: hand it a copy, never the live state.
        if (e.Seq % _settings.SnapshotEvery == 0)
            SaveSnapshot(JsonSerializer.Deserialize<RoomState>(JsonSerializer.SerializeToUtf8Bytes(_state, TrinityJson.Options), TrinityJson.Options)!);
    }

    private void StartInactivityChecks() =>
        Timers.StartPeriodicTimer("inactivity", InactivityTick.Instance, _settings.InactivityCheckInterval);

    private void Guarded(Action handle, bool requireCreated = true)
    {
        try
        {
            if (requireCreated && !_state.IsCreated)
                throw new TrinityException(ErrorCodes.RoomNotFound, $"no room '{_roomId}'");
            handle();
        }
        catch (TrinityException e)
        {
            _awaiting.Remove(Sender);
            Sender.Tell(new CommandRejected(e.Code, e.Detail));
        }
    }
}
