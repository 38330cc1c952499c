using Microsoft.Data.Sqlite;

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
                if (options.Cluster.SeedList.Count > 0)
                    throw new InvalidOperationException(
                        "Trinity:Cluster:Seeds is set but Trinity:Persistence:Provider is 'sqlite': a SQLite file is not " +
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
