using Trinity.Actors.Rooms;
using Trinity.Actors.Catalog;
using Trinity.Actors.Recommendations;

namespace Trinity.Actors.Hosting;

/// <summary>The <c>Trinity</c> configuration section (appsettings, <c>Trinity__...</c> variables, command line).</summary>
public sealed class TrinityOptions
{
    public const string Section = "Trinity";

    /// <summary>Where the embedded SQLite journal lives (relative paths are relative to the working directory).</summary>
    public string DataDir { get; set; } = "./data";

    public RoomOptions Rooms { get; set; } = new();
    public ClusterNodeOptions Cluster { get; set; } = new();
    public PersistenceOptions Persistence { get; set; } = new();
    public CatalogOptions Catalog { get; set; } = new();
    public AiOptions Ai { get; set; } = new();

    /// <summary>Every setting of the section, as the node starts; throws naming the first wrong key.</summary>
    public void Validate()
    {
        OptionChecks.Require(!string.IsNullOrWhiteSpace(DataDir), "Trinity:DataDir", "must name a directory");
        Rooms.Validate();
        Cluster.Validate();
        Persistence.Validate();
        Catalog.Validate();
        Ai.Validate();
    }
}

/// <summary><c>Trinity:Rooms</c>. The room actor's own defaults are <see cref="RoomActorSettings.Default"/>, written once there.</summary>
public sealed class RoomOptions
{
    public const string Section = "Trinity:Rooms";

    /// <summary>No vote and no connection for this long turns a member inactive.</summary>
    public TimeSpan InactiveAfter { get; set; } = RoomActorSettings.Default.InactiveAfter;
    /// <summary>A room with no connected member is passivated after this long; it recovers on the next command.</summary>
    public TimeSpan IdleAfter { get; set; } = RoomActorSettings.Default.IdleAfter;
    /// <summary>Room events between journal snapshots.</summary>
    public int SnapshotEvery { get; set; } = RoomActorSettings.Default.SnapshotEvery;
    /// <summary>How long a call waits for its room before it fails with UNAVAILABLE.</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Events queued per connection for a client that reads slower than its rooms talk; past it the client is cut off (it resyncs by seq).</summary>
    public int ConnectionBuffer { get; set; } = 256;
    /// <summary>After a room finishes, its invite code still finds it for this long; then ROOM_NOT_FOUND.</summary>
    public TimeSpan InviteCodeGrace { get; set; } = RoomActorSettings.Default.InviteCodeGrace;

    /// <summary>What each room actor is given.</summary>
    public RoomActorSettings ActorSettings => new(InactiveAfter, IdleAfter, SnapshotEvery) { InviteCodeGrace = InviteCodeGrace };

    public void Validate()
    {
        OptionChecks.Positive(InactiveAfter, Section + ":InactiveAfter");
        OptionChecks.Positive(IdleAfter, Section + ":IdleAfter");
        OptionChecks.AtLeast(SnapshotEvery, 1, Section + ":SnapshotEvery");
        OptionChecks.Positive(AskTimeout, Section + ":AskTimeout");
        OptionChecks.AtLeast(ConnectionBuffer, 1, Section + ":ConnectionBuffer");
        OptionChecks.Require(InviteCodeGrace >= TimeSpan.Zero, Section + ":InviteCodeGrace", "must not be negative");
    }
}

/// <summary><c>Trinity:Cluster</c>: this node's remoting address and how it finds the others.</summary>
public sealed class ClusterNodeOptions
{
    public const string Section = "Trinity:Cluster";

    public string Hostname { get; set; } = "127.0.0.1";
    /// <summary>Akka remoting port; 0 picks a free one (fine for a single node).</summary>
    public int Port { get; set; }
    /// <summary>Comma-separated <c>akka.tcp://trinity@host:port</c>; empty = form a cluster of one.</summary>
    public string Seeds { get; set; } = "";
    public string Roles { get; set; } = "";
    /// <summary>
    /// How long the cluster must be stable before the split-brain resolver downs unreachable nodes (keep-majority).
    /// 4 s fits small clusters: see the failover budget in hocon/trinity.conf.
    /// </summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(4);
    public DiscoveryOptions Discovery { get; set; } = new();
    public ManagementOptions Management { get; set; } = new();

    public IReadOnlyList<string> SeedList => Split(Seeds);
    public IReadOnlyList<string> RoleList => Split(Roles);

    /// <summary>The node is meant to join other nodes (through seeds or discovery), so its storage must be shared.</summary>
    public bool JoinsOthers => SeedList.Count > 0 || !Discovery.UsesSeeds;

    public void Validate()
    {
        OptionChecks.Require(!string.IsNullOrWhiteSpace(Hostname), Section + ":Hostname", "must name this node's address");
        OptionChecks.Require(Port is >= 0 and < 65536, Section + ":Port", $"must be between 0 and 65535, not {Port}");
        OptionChecks.Positive(StableAfter, Section + ":StableAfter");
        ClusterDiscovery.Validate(this);
    }

    internal static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary><c>Trinity:Persistence</c>: the journal and snapshot store.</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Trinity:Persistence";

    /// <summary><c>sqlite</c> (embedded default, a single node) or <c>postgres</c> (shared by a cluster).</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>Overrides the connection string derived from <see cref="TrinityOptions.DataDir"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>
    /// SQLite's <c>synchronous</c>: <c>normal</c> (default) writes each event to the write-ahead log before
    /// it is acknowledged, and syncs the disk at checkpoints, so a killed process loses nothing and a power
    /// cut can lose the last moments; <c>full</c> also syncs the disk at every write.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "normal";
    /// <summary>
    /// Free space (MB) the SQLite file's disk must keep: below it the node turns not-ready and refuses
    /// writes (UNAVAILABLE) before SQLite itself would fail. 0 turns the check off.
    /// </summary>
    public long MinFreeDiskMb { get; set; } = 64;

    public void Validate()
    {
        OptionChecks.OneOf(Provider, Section + ":Provider", "sqlite", "postgres");
        OptionChecks.Require(!Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(ConnectionString),
            Section + ":ConnectionString", $"is required when {Section}:Provider is 'postgres'");
        OptionChecks.OneOf(SqliteSynchronous, Section + ":SqliteSynchronous", "normal", "full");
        OptionChecks.Require(MinFreeDiskMb >= 0, Section + ":MinFreeDiskMb", $"must be 0 or more, not {MinFreeDiskMb}");
    }
}
