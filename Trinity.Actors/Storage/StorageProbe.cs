using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Persistence;

namespace Trinity.Actors.Storage;

/// <summary>
/// Finds out whether this node can store events, as a room would: free space on the SQLite file's disk
/// above the floor, then a write to the journal and one to the snapshot store (each deleted again). It
/// checks every <see cref="HealthyInterval"/>, and every <see cref="FailingInterval"/> after a failure,
/// its own or a room's, so readiness and the gateway follow storage within about a second.
/// </summary>
public sealed class StorageProbe : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan HealthyInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan FailingInterval = TimeSpan.FromMilliseconds(500);
    /// <summary>
    /// A store that has not answered in this long counts as failed. While it works, a slow store is judged
    /// by its own circuit breaker (a call longer than its call-timeout, 5 s, fails, as a room's would), so
    /// a slow moment under load does not turn the node away; this only catches one that does not answer.
    /// </summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    /// <summary>
    /// Before the first success and while failing, a shorter wait: a journal that is still setting up its
    /// tables at start can lose the first message, and readiness should not wait 10 s on it.
    /// </summary>
    public static readonly TimeSpan UncertainAnswerTimeout = TimeSpan.FromSeconds(2);

    private sealed class Probe : INoSerializationVerificationNeeded
    {
        public static readonly Probe Instance = new();
    }

    private readonly StorageHealth _health;
    private readonly string? _diskPath;
    private readonly long _minFreeBytes;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _persistenceId;
    private readonly string _writerGuid = Guid.NewGuid().ToString();

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="diskPath">a directory on the disk the journal writes to; null when the store is remote</param>
    public static Props Props(StorageHealth health, string? diskPath, long minFreeBytes) =>
        Akka.Actor.Props.Create(() => new StorageProbe(health, diskPath, minFreeBytes));

    public StorageProbe(StorageHealth health, string? diskPath, long minFreeBytes)
    {
        _health = health;
        _diskPath = diskPath;
        _minFreeBytes = minFreeBytes;
        var self = Cluster.Get(Context.System).SelfAddress;
        _persistenceId = $"storage-probe@{self.Host}:{self.Port}";

        ReceiveAsync<Probe>(async _ =>
        {
            var problem = await FindProblemAsync();
            if (problem != _health.Problem)
            {
                if (problem is null) _log.Info("Storage can be written{0}", _health.Checked ? " again" : "");
                else if (!_health.Checked) _log.Info("Storage not writable yet: {0}", problem); // starting up
                else _log.Warning("Storage cannot be written: {0}", problem);
            }
            _health.Report(problem);
            Timers.StartSingleTimer(Probe.Instance, Probe.Instance, problem is null ? HealthyInterval : FailingInterval);
        });
        Receive<StorageHealth.Failed>(f =>
        {
            if (_health.CanWrite) _log.Warning("Storage failed a room: {0}", f.Reason);
            _health.Report(f.Reason);
            Timers.StartSingleTimer(Probe.Instance, Probe.Instance, FailingInterval);
        });
        // Deleting what the probe wrote is tidying up; a failed delete shows in the next write.
        Receive<DeleteMessagesSuccess>(_ => { });
        Receive<DeleteMessagesFailure>(_ => { });
        Receive<DeleteSnapshotsSuccess>(_ => { });
        Receive<DeleteSnapshotsFailure>(_ => { });
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<StorageHealth.Failed>(Self);
        Self.Tell(Probe.Instance);
    }

    private async Task<string?> FindProblemAsync()
    {
        if (_diskPath is not null && FreeBytes(_diskPath) is var free && free < _minFreeBytes)
            return $"{free / (1024 * 1024)} MB free on the data disk, below the floor of {_minFreeBytes / (1024 * 1024)} MB";
        var persistence = Persistence.Instance.Apply(Context.System);
        var timeout = _health is { Checked: true, CanWrite: true } ? AnswerTimeout : UncertainAnswerTimeout;
        var seq = DateTime.UtcNow.Ticks;
        try
        {
            var journal = persistence.JournalFor(null);
            var write = new AtomicWrite(new Persistent("probe", seq, _persistenceId, "", false, ActorRefs.NoSender, _writerGuid));
            if (await journal.Ask<object>(replyTo => new WriteMessages(new IPersistentEnvelope[] { write }, replyTo, 1),
                    timeout, CancellationToken.None) is not WriteMessagesSuccessful)
                return "the journal refused a write";
            journal.Tell(new DeleteMessagesTo(_persistenceId, seq, Self));

            var snapshots = persistence.SnapshotStoreFor(null);
            var saved = await snapshots.Ask<object>(new SaveSnapshot(new SnapshotMetadata(_persistenceId, seq, DateTime.UtcNow), "probe"), timeout);
            if (saved is not SaveSnapshotSuccess) return "the snapshot store refused a write";
            snapshots.Tell(new DeleteSnapshots(_persistenceId, new SnapshotSelectionCriteria(seq)), Self);
            return null;
        }
        catch (AskTimeoutException)
        {
            return $"the journal or snapshot store did not answer in {timeout.TotalSeconds:0} s";
        }
    }

    public static long FreeBytes(string path) => new DriveInfo(path).AvailableFreeSpace;
}
