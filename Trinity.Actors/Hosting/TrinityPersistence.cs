using LinqToDB;
using Microsoft.Data.Sqlite;
using Trinity.Actors.Storage;

namespace Trinity.Actors.Hosting;

/// <summary>
/// The journal's connection: a SQLite file under the data directory (embedded default, one node only)
/// or a PostgreSQL database shared by the nodes of a cluster.
/// </summary>
public static class TrinityPersistence
{
    public const string SqliteProvider = LinqToDB.ProviderName.SQLiteMS;
    public const string PostgresProvider = LinqToDB.ProviderName.PostgreSQL15;

    public static (string ConnectionString, string ProviderName) Resolve(TrinityOptions options)
    {
        var given = options.Persistence.ConnectionString is { Length: > 0 } c ? c : null;
        switch (options.Persistence.Provider.ToLowerInvariant())
        {
            case "sqlite":
                if (options.Cluster.JoinsOthers)
                    throw new InvalidOperationException(
                        $"{(options.Cluster.Discovery.UsesSeeds ? "Trinity:Cluster:Seeds is set" : "Trinity:Cluster:Discovery:Method is " + options.Cluster.Discovery.Method)} " +
                        "but Trinity:Persistence:Provider is 'sqlite': a SQLite file is not " +
                        "shared storage, so the nodes of a cluster would lose each other's rooms. Use 'postgres'.");
                if (given is not null) return (given, SqliteProvider);
                var dir = Path.GetFullPath(options.DataDir);
                Directory.CreateDirectory(dir);
                return (new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "trinity.db") }.ToString(), SqliteProvider);
            case "postgres":
                return (given ?? throw new InvalidOperationException(
                    "Trinity:Persistence:Provider is 'postgres' but Trinity:Persistence:ConnectionString is empty."), PostgresProvider);
            default:
                throw new InvalidOperationException(
                    $"Trinity:Persistence:Provider '{options.Persistence.Provider}' is not supported; use 'sqlite' or 'postgres'.");
        }
    }

    /// <summary>
    /// SQLite takes one writer at a time. Several journal writers only queue on its lock, and
    /// Microsoft.Data.Sqlite waits out a busy lock in steps of 150 ms: so one writer, whose batches
    /// grow with the load instead. Connections are made from the plugin's options rather than cloned:
    /// linq2db then finds each insert's query in its cache instead of building it again.
    /// </summary>
    public const string SqliteJournalHocon = """
        akka.persistence.journal.sql { parallelism = 1, use-clone-connection = off }
        akka.persistence.snapshot-store.sql.use-clone-connection = off
        """;

    /// <summary>
    /// When storage fails, fail fast and come back fast. A breaker opens after a few failures, so writes and
    /// recoveries fail at once rather than each waiting on a dead store, and tries again after a second
    /// (not Akka's 30 s), so rooms accept votes within seconds of storage returning. A recovery that waits
    /// longer than the call timeout on a hung store fails (not after Akka's 30 s), and the room restarts.
    /// </summary>
    public const string FailFastHocon = """
        akka.persistence.journal.sql {
          circuit-breaker { max-failures = 5, call-timeout = 5s, reset-timeout = 1s }
          recovery-event-timeout = 10s
        }
        akka.persistence.snapshot-store.sql.circuit-breaker { max-failures = 5, call-timeout = 5s, reset-timeout = 1s }
        """;


    /// <summary>
    /// The journal's and snapshot store's connections to the SQLite file, each set up as it opens:
    /// SQLite's own busy handler (waits of 1–100 ms) answers a lock held by the other store, before
    /// the driver's 150 ms retry would; <c>synchronous</c> as configured; and no checkpoints inside
    /// commits (the <see cref="SqliteCheckpointer"/> runs them beside the writer).
    /// </summary>
    public static DataOptions SqliteDataOptions(string connectionString, PersistenceOptions options)
    {
        var synchronous = options.SqliteSynchronous.ToLowerInvariant() switch
        {
            "normal" => "NORMAL",
            "full" => "FULL",
            _ => throw new InvalidOperationException(
                $"Trinity:Persistence:SqliteSynchronous '{options.SqliteSynchronous}' is not supported; use 'normal' or 'full'."),
        };
        var pragmas = $"PRAGMA busy_timeout = 5000; PRAGMA synchronous = {synchronous}; PRAGMA journal_size_limit = {SqliteConnections.WalSizeLimitBytes}; PRAGMA wal_autocheckpoint = 0;";
        return new DataOptions()
            .UseConnectionString(SqliteProvider, connectionString)
            .UseAfterConnectionOpened(connection => SqliteConnections.Execute(connection, pragmas), (connection, _) =>
            {
                SqliteConnections.Execute(connection, pragmas);
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// Write-ahead logging lets readers (recoveries, health checks) run beside the writer; it is a
    /// property of the file, set once before the journal opens it.
    /// </summary>
    public static void PrepareSqlite(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteConnections.Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    /// <summary>The directory holding the SQLite file (its disk is the one whose free space counts).</summary>
    public static string SqliteDirectory(string connectionString) =>
        Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource))!;
}
