using LinqToDB.Data;
using Trinity.Actors.Hosting;

namespace Trinity.Actors.Tests;

public sealed class PersistenceChoiceSpec
{
    [Fact]
    public void A_node_told_to_join_others_refuses_to_start_on_SQLite()
    {
        var options = new TrinityOptions { Cluster = { Seeds = "akka.tcp://trinity@127.0.0.1:4051" } };

        var error = Assert.Throws<InvalidOperationException>(() => TrinityPersistence.Resolve(options));

        Assert.Contains("not shared storage", error.Message);
    }

    [Fact]
    public void PostgreSQL_needs_a_connection_string_and_unknown_providers_are_named()
    {
        Assert.Contains("ConnectionString", Assert.Throws<InvalidOperationException>(() =>
            TrinityPersistence.Resolve(new TrinityOptions { Persistence = { Provider = "postgres" } })).Message);
        Assert.Contains("'oracle'", Assert.Throws<InvalidOperationException>(() =>
            TrinityPersistence.Resolve(new TrinityOptions { Persistence = { Provider = "oracle" } })).Message);
        Assert.Equal(TrinityPersistence.PostgresProvider, TrinityPersistence.Resolve(new TrinityOptions
        {
            Persistence = { Provider = "postgres", ConnectionString = "Host=127.0.0.1" },
            Cluster = { Seeds = "akka.tcp://trinity@127.0.0.1:4051" },
        }).ProviderName);
    }

    [Theory]
    [InlineData("normal", 1)]
    [InlineData("FULL", 2)]
    public void Journal_connections_to_SQLite_wait_for_a_busy_file_and_sync_as_configured(string synchronous, long expected)
    {
        var options = TrinityPersistence.SqliteDataOptions($"Data Source={ActorTestConfig.NewDatabaseFile()}",
            new PersistenceOptions { SqliteSynchronous = synchronous });

        using var db = new DataConnection(options);

        Assert.Equal(expected, db.Execute<long>("PRAGMA synchronous"));
        Assert.Equal(5000, db.Execute<long>("PRAGMA busy_timeout"));
        // Checkpoints are the SqliteCheckpointer's, never inside a journal commit.
        Assert.Equal(0, db.Execute<long>("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public void An_unknown_SQLite_synchronous_setting_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TrinityPersistence.SqliteDataOptions("Data Source=x.db", new PersistenceOptions { SqliteSynchronous = "off" }));

        Assert.Contains("'off'", error.Message);
    }
}
