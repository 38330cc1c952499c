using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Trinity.Actors.Hosting;
using Trinity.Actors.Storage;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>The write-ahead log stays bounded without a checkpoint that blocks the writer on a clock.</summary>
public sealed class SqliteCheckpointerSpec(ITestOutputHelper output) : ActorSpecBase(output)
{
    [Fact]
    public async Task A_log_that_a_reader_let_grow_past_the_limit_is_truncated_once_the_reader_is_done()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = ActorTestConfig.NewDatabaseFile(), Pooling = false }.ToString();
        var log = new FileInfo(SqliteConnections.LogPath(connectionString));
        TrinityPersistence.PrepareSqlite(connectionString);
        using var writer = Open(connectionString, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (b BLOB);");
        using var reader = Open(connectionString);
        SqliteConnections.Execute(reader, "BEGIN; SELECT count(*) FROM t;"); // its snapshot: no checkpoint can pass it
        using var checkpointer = new SqliteCheckpointer(connectionString, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);

        var blob = new byte[1024 * 1024];
        for (var i = 0; i * blob.Length <= SqliteConnections.WalSizeLimitBytes; i++)
        {
            using var insert = writer.CreateCommand();
            insert.CommandText = "INSERT INTO t VALUES ($b);";
            insert.Parameters.AddWithValue("$b", blob);
            insert.ExecuteNonQuery();
        }
        log.Refresh();
        Assert.True(log.Length > SqliteConnections.WalSizeLimitBytes, $"the log is {log.Length} bytes");
        SqliteConnections.Execute(reader, "COMMIT;");

        await AwaitAssertAsync(() =>
        {
            log.Refresh();
            Assert.Equal(0, log.Length);
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));
        await checkpointer.StopAsync(CancellationToken.None);
    }

    private static SqliteConnection Open(string connectionString, string? sql = null)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (sql is not null) SqliteConnections.Execute(connection, sql);
        return connection;
    }
}
