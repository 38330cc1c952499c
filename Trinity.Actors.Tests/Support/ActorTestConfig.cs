using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Serialization;
using Akka.Persistence.Sql.Hosting;
using Trinity.Actors.Hosting;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Tests;

/// <summary>
/// Configuration for actor tests: Trinity's own HOCON, and a real SQLite journal in a fresh file.
/// </summary>
public static class ActorTestConfig
{
    /// <summary>The test's configuration, with Trinity's serializer bound as a node binds it (in code, not HOCON).</summary>
    public static ActorSystemSetup Setup(Config config) =>
        BootstrapSetup.Create().WithConfig(config).And(SerializationSetup.Create(system =>
            [SerializerDetails.Create(TrinitySerializer.Name, new TrinitySerializer(system), [.. TrinitySerializer.BoundTypes])]));

    /// <summary>
    /// Every message between actors goes through its real serializer. (Not with the SQL journal: its
    /// internal messages are not serializable, so room tests round-trip their own messages instead.)
    /// </summary>
    public static readonly Config SerializeMessages = ConfigurationFactory.ParseString("""
        akka.actor.provider = local
        akka.actor.serialize-messages = on
        """).WithFallback(TrinityHocon.Load());

    /// <summary>A journal in a fresh SQLite file, or on the test PostgreSQL when the suite runs on it.</summary>
    public static Config WithJournal(string databaseFile) =>
        TestPostgres.RunSuiteOnIt
            ? WithJournal(TestPostgres.ConnectionString!, TrinityPersistence.PostgresProvider)
            : WithJournal($"Data Source={databaseFile}", TrinityPersistence.SqliteProvider);

    public static Config WithJournal(string connectionString, string provider)
    {
        if (provider == TrinityPersistence.SqliteProvider) TrinityPersistence.PrepareSqlite(connectionString);
        var journal = new SqlJournalOptions(true) { ConnectionString = connectionString, ProviderName = provider, AutoInitialize = true };
        var snapshots = new SqlSnapshotOptions(true) { ConnectionString = connectionString, ProviderName = provider, AutoInitialize = true };
        return ConfigurationFactory.ParseString("""
                akka.actor.provider = local
                akka.loglevel = INFO
                """)
            .WithFallback(journal.ToConfig())
            .WithFallback(snapshots.ToConfig())
            .WithFallback(TrinityHocon.Load())
            .WithFallback(journal.DefaultConfig)
            .WithFallback(snapshots.DefaultConfig);
    }

    public static string NewDatabaseFile() =>
        Path.Combine(Directory.CreateTempSubdirectory("trinity-test-").FullName, "journal.db");
}
