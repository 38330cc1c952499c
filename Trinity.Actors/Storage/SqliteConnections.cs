using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Trinity.Actors.Storage;

/// <summary>What the journal's SQLite connections and the checkpointer beside them share.</summary>
public static class SqliteConnections
{
    /// <summary>
    /// The write-ahead log is cut back to this size whenever a checkpoint resets it, so a burst does not
    /// leave a large file behind.
    /// </summary>
    public const long WalSizeLimitBytes = 32L * 1024 * 1024;

    /// <summary>The write-ahead log's file, beside the database file.</summary>
    public static string LogPath(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
