using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trinity.Actors.Storage;

/// <summary>
/// Moves the SQLite write-ahead log into the database file, on a thread of its own: the journal's
/// connections never checkpoint (<c>wal_autocheckpoint = 0</c>), because SQLite's automatic checkpoint
/// runs inside the commit that crosses its threshold — copying and syncing megabytes while that vote,
/// and every vote queued behind it, waits. Every second a PASSIVE checkpoint copies what it can without
/// blocking the writer or readers; every <see cref="TruncateEvery"/> rounds a TRUNCATE one waits for the
/// readers (briefly, then tries again later) and leaves an empty log, so steady reads cannot make the log
/// grow without bound.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public const int TruncateEvery = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        for (var round = 1; await timer.WaitForNextTickAsync(stoppingToken); round++)
        {
            try
            {
                if (!Checkpoint(connectionString, truncate: round % TruncateEvery == 0))
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
