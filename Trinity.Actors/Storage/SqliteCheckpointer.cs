using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trinity.Actors.Storage;

/// <summary>
/// Moves the SQLite write-ahead log into the database file, on a thread of its own: the journal's
/// connections never checkpoint (<c>wal_autocheckpoint = 0</c>), because SQLite's automatic checkpoint
/// runs inside the commit that crosses its threshold — copying and syncing megabytes while that vote,
/// and every vote queued behind it, waits. Every second a PASSIVE checkpoint copies what it can without
/// blocking the writer or readers; once all of the log is copied, the writer's next commit starts it
/// again from the beginning (and trims it to <see cref="SqliteConnections.WalSizeLimitBytes"/>). Only when
/// readers kept that from happening and the log outgrew the limit does a TRUNCATE checkpoint run: it
/// blocks the writer while it waits for readers and copies, so it is not run on a clock.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly string _logPath = SqliteConnections.LogPath(connectionString);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var truncate = new FileInfo(_logPath) is { Exists: true, Length: > SqliteConnections.WalSizeLimitBytes };
                if (!Checkpoint(connectionString, truncate))
                    log.LogDebug("SQLite checkpoint could not finish (busy); next round");
            }
            catch (SqliteException e)
            {
                log.LogWarning("SQLite checkpoint failed: {Message}", e.Message);
            }
        }
    }

    /// <summary>A TRUNCATE (or PASSIVE) checkpoint; false when readers or the writer kept it from finishing.</summary>
    public static bool Checkpoint(string connectionString, bool truncate = true)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteConnections.Execute(connection, $"PRAGMA busy_timeout = 1000; PRAGMA journal_size_limit = {SqliteConnections.WalSizeLimitBytes};");
        using var command = connection.CreateCommand();
        command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(PASSIVE);";
        using var result = command.ExecuteReader();
        return result.Read() && result.GetInt32(0) == 0;
    }
}
