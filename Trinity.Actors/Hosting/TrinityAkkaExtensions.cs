using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Connections;
using Trinity.Actors.Rooms;
using Trinity.Actors.Catalog;
using Trinity.Actors.Diagnostics;
using Trinity.Actors.Catalog.Sources;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Recommendations.Model;
using Trinity.Actors.Serialization;
using Trinity.Actors.Storage;
using Akka.Pattern;

namespace Trinity.Actors.Hosting;

/// <summary>Akka.Hosting set-up of a Trinity node: one extension per concern, composed by <see cref="AddTrinity"/>.</summary>
public static class TrinityAkkaExtensions
{
    public const string SystemName = "trinity";

    /// <summary>Everything a node runs: remoting, cluster, journal, the shard regions and the node-local actors.</summary>
    public static AkkaConfigurationBuilder AddTrinity(this AkkaConfigurationBuilder builder, TrinityOptions options) =>
        builder
            .AddHocon(TrinityHocon.Load(), HoconAddMode.Append)
            // Every Trinity message (commands, events, replies, journal events, snapshots) has an explicit,
            // version-tolerant JSON form: never the Newtonsoft default.
            .WithCustomSerializer(TrinitySerializer.Name, TrinitySerializer.BoundTypes, system => new TrinitySerializer(system))
            // Akka logs through Microsoft.Extensions.Logging, beside the web server's logs.
            .ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .AddTrinityCluster(options.Cluster)
            .AddTrinityPersistence(options)
            .AddRoomActors(options.Rooms)
            .AddDirectoryActors()
            .AddConnectionActors(options.Rooms);

    public static AkkaConfigurationBuilder AddTrinityCluster(this AkkaConfigurationBuilder builder, ClusterNodeOptions cluster)
    {
        builder
            .AddHocon($"akka.cluster.split-brain-resolver.stable-after = {(int)cluster.StableAfter.TotalMilliseconds}ms", HoconAddMode.Prepend)
            .WithRemoting(cluster.Hostname, cluster.Port)
            .WithClustering(new ClusterOptions { SeedNodes = cluster.SeedList.ToArray(), Roles = cluster.RoleList.ToArray() })
            .WithDistributedPubSub(role: null!)
            .AddStartup((system, _) => TrinityMetrics.ObserveCluster(system));
        if (!cluster.Discovery.UsesSeeds) return builder.WithTrinityDiscovery(cluster);
        // With no seeds the node forms a cluster of one by joining itself.
        if (cluster.SeedList.Count == 0)
            builder.AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress));
        return builder;
    }

    /// <summary>
    /// The journal and snapshot store, and what keeps an eye on them: the storage probe behind readiness
    /// and the gateway's fail-fast, and the answerer of calls lost in stopped rooms.
    /// </summary>
    public static AkkaConfigurationBuilder AddTrinityPersistence(this AkkaConfigurationBuilder builder, TrinityOptions options)
    {
        var (connectionString, provider) = TrinityPersistence.Resolve(options);
        var sqlite = provider == TrinityPersistence.SqliteProvider;
        builder
            .AddHocon(TrinityPersistence.FailFastHocon, HoconAddMode.Prepend)
            .WithActors((system, _, resolver) =>
            {
                system.ActorOf(Props.Create(() => new UnansweredCommands()), "unanswered-commands");
                system.ActorOf(StorageProbe.Props(resolver.GetService<StorageHealth>(),
                    sqlite ? TrinityPersistence.SqliteDirectory(connectionString) : null,
                    options.Persistence.MinFreeDiskMb * 1024 * 1024), "storage-probe");
            });
        if (!sqlite) return builder.WithSqlPersistence(connectionString, provider);
        TrinityPersistence.PrepareSqlite(connectionString);
        return builder
            .AddHocon(TrinityPersistence.SqliteJournalHocon, HoconAddMode.Prepend)
            .WithSqlPersistence(TrinityPersistence.SqliteDataOptions(connectionString, options.Persistence));
    }

    /// <summary>
    /// Each room's entity is a backoff supervisor: a room that stopped because its storage failed is started
    /// again after 0.2 s, doubling up to 2 s while it keeps failing, not once per message that reaches it.
    /// Meanwhile its messages go to dead letters and are answered UNAVAILABLE (<see cref="UnansweredCommands"/>).
    /// </summary>
    public static AkkaConfigurationBuilder AddRoomActors(this AkkaConfigurationBuilder builder, RoomOptions rooms)
    {
        var settings = rooms.ActorSettings;
        return builder.WithShardRegion<RoomRegion>(ActorNames.RoomRegion,
            (_, _, resolver) => roomId => BackoffSupervisor.Props(
                RoomActor.Props(roomId, settings, resolver.GetService<ICatalog>(), resolver.GetService<IRecommender>(),
                    resolver.GetService<TimeProvider>()),
                "room", RoomRestartMinBackoff, RoomRestartMaxBackoff, randomFactor: 0.2),
            new TrinityMessageExtractor(), ShardOptions());
    }

    public static readonly TimeSpan RoomRestartMinBackoff = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RoomRestartMaxBackoff = TimeSpan.FromSeconds(2);

    /// <summary>Invite codes and each user's room list: small persistent entities, sharded like rooms.</summary>
    public static AkkaConfigurationBuilder AddDirectoryActors(this AkkaConfigurationBuilder builder) =>
        builder
            .WithShardRegion<InviteCodeRegion>(ActorNames.InviteCodeRegion,
                code => Props.Create(() => new InviteCodeActor(code)), new TrinityMessageExtractor(), ShardOptions())
            .WithShardRegion<UserRoomsRegion>(ActorNames.UserRoomsRegion,
                userId => Props.Create(() => new UserRoomsActor(userId)), new TrinityMessageExtractor(), ShardOptions());

    public static AkkaConfigurationBuilder AddConnectionActors(this AkkaConfigurationBuilder builder, RoomOptions rooms) =>
        builder.WithActors((system, registry, resolver) =>
        {
            var push = resolver.GetService<IClientPush>();
            var relays = system.ActorOf(RoomRelays.Props(registry.Get<RoomRegion>()), ActorNames.RoomRelays);
            registry.Register<RoomRelaysKey>(relays);
            registry.Register<NodeConnectionsKey>(
                system.ActorOf(Props.Create(() => new NodeConnections(push, rooms.ConnectionBuffer, relays)), ActorNames.Connections));
        });

    /// <summary>The services the actors need: the embedded defaults, or the catalogue sources and the chat model where configured.</summary>
    public static IServiceCollection AddTrinityServices(this IServiceCollection services, TrinityOptions options)
    {
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageHealth>();
        if (options.Persistence.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            services.AddHostedService(sp => new SqliteCheckpointer(TrinityPersistence.Resolve(options).ConnectionString,
                sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        services.AddCatalog(options.Catalog, options.DataDir);

        services.AddSingleton(sp => new KeywordRecommender(sp.GetRequiredService<ICatalog>()));
        if (options.Ai.IsConfigured)
            services.AddSingleton<IRecommender>(sp => new GuardedRecommender(
                new ModelRecommender(ModelRecommender.Connect(options.Ai), sp.GetRequiredService<ICatalog>()),
                sp.GetRequiredService<KeywordRecommender>(), options.Ai, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>()));
        else
            services.AddSingleton<IRecommender>(sp => sp.GetRequiredService<KeywordRecommender>());
        return services;
    }

    private static ShardOptions ShardOptions() => new()
    {
        StateStoreMode = StateStoreMode.DData,
        RememberEntities = false,
        // Entities passivate themselves when idle; see RoomOptions.IdleAfter.
        ShouldPassivateIdleEntities = false,
    };
}
