using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Hosting;

namespace Trinity.Actors.Storage;

/// <summary>
/// Moves the SQLite write-ahead log into the database file and truncates it, on a schedule of its own.
/// SQLite's automatic checkpoints run inside commits and stop short while a reader holds an old
/// snapshot, so under steady reads and writes the log could grow without bound; this one waits for the
/// readers (briefly, then tries again next round) and leaves an empty log behind.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!Checkpoint(connectionString)) log.LogDebug("SQLite checkpoint could not finish (busy); next round");
            }
            catch (SqliteException e)
            {
                log.LogWarning("SQLite checkpoint failed: {Message}", e.Message);
            }
        }
    }

    /// <summary>A TRUNCATE checkpoint; false when readers or the writer kept it from finishing.</summary>
    public static bool Checkpoint(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        TrinityPersistence.Execute(connection, $"PRAGMA busy_timeout = 1000; PRAGMA journal_size_limit = {TrinityPersistence.WalSizeLimitBytes};");
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var result = command.ExecuteReader();
        return result.Read() && result.GetInt32(0) == 0;
    }
}
