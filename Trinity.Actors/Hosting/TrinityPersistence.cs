using Microsoft.Data.Sqlite;

namespace Trinity.Actors.Hosting;

/// <summary>The journal's connection: a SQLite file under the data directory unless told otherwise.</summary>
public static class TrinityPersistence
{
    public const string SqliteProvider = LinqToDB.ProviderName.SQLiteMS;

    public static (string ConnectionString, string ProviderName) Resolve(TrinityOptions options)
    {
        if (!string.Equals(options.Persistence.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Trinity:Persistence:Provider '{options.Persistence.Provider}' is not supported; use 'sqlite'.");
        if (options.Persistence.ConnectionString is { Length: > 0 } given) return (given, SqliteProvider);
        var dir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dir);
        return (new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "trinity.db") }.ToString(), SqliteProvider);
    }

    /// <summary>
    /// Write-ahead logging lets readers (recoveries, health checks) run beside the writer; it is a
    /// property of the file, set once before the journal opens it.
    /// </summary>
    public static void PrepareSqlite(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
