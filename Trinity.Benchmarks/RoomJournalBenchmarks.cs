using Akka.Actor;
using Akka.Hosting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IHost = Microsoft.Extensions.Hosting.IHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trinity.Actors.Rooms;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Storage;

namespace Trinity.Benchmarks;

/// <summary>
/// Bytes allocated (all threads) and time per vote through real RoomActors: the node's journal set-up
/// (<see cref="TrinityAkkaExtensions.AddTrinityPersistence"/>, Trinity's serializer, a SQLite file on
/// disk), against the same rooms on Akka's in-memory journal — the difference is the journal's path.
/// Each invocation creates <see cref="Rooms"/> rooms of <see cref="Members"/> and has every member vote
/// on every title, all rooms at once (the journal batches across rooms, as under load).
/// Dislikes only, so no match or finish adds events: one VoteCast per vote.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class RoomJournalBenchmarks
{
    /// <summary>Each invocation is seconds long: a few of them, in this process (no project to generate).</summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() => AddJob(Job.Dry.WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(2).WithIterationCount(6).WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false)));
    }

    public const int Rooms = 20, Members = 5, Titles = 100;

    [Params("sqlite", "inmem")]
    public string Journal { get; set; } = "sqlite";

    private IHost _host = null!;
    private ActorSystem _system = null!;
    private ICatalog _catalog = null!;
    private string _dataDir = null!;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _dataDir = Directory.CreateTempSubdirectory("trinity-bench-").FullName;
        var options = new TrinityOptions { DataDir = _dataDir };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddTrinityServices(options);
        builder.Services.AddAkka(TrinityAkkaExtensions.SystemName, akka =>
        {
            akka.AddHocon("akka.actor.provider = local\nakka.loglevel = WARNING", HoconAddMode.Prepend)
                .AddHocon(TrinityHocon.Load(), HoconAddMode.Append);
            if (Journal == "sqlite") akka.AddTrinityPersistence(options);
            else akka.AddHocon("""
                akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
                akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
                """, HoconAddMode.Prepend);
        });
        _host = builder.Build();
        _host.Start();
        _system = _host.Services.GetRequiredService<ActorSystem>();
        _catalog = _host.Services.GetRequiredService<ICatalog>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Rooms * Members * Titles)]
    public Task VotesThroughRooms()
    {
        var round = Interlocked.Increment(ref _round);
        return Task.WhenAll(Enumerable.Range(0, Rooms).Select(r => FillRoom($"bench-{round}-{r}")));
    }

    private async Task FillRoom(string roomId)
    {
        var room = _system.ActorOf(RoomActor.Props(roomId, RoomActorSettings.Default, _catalog, new KeywordRecommender(_catalog)));
        var settings = new RoomSettings("Bench", ConsensusMode.Majority, new RoomFilters(), Members, Titles, false);
        var queues = new List<(string User, IReadOnlyList<string> Titles)>();
        for (var m = 0; m < Members; m++)
        {
            var user = $"user-{m}";
            object join = m == 0
                ? new CreateRoom(roomId, "BENCH1", settings, user, user, null)
                : new JoinRoom(roomId, user, user, null);
            var snapshot = await room.Ask<RoomSnapshot>(join, TimeSpan.FromSeconds(30));
            queues.Add((user, snapshot.Queue.Select(t => t.MediaId).ToArray()));
        }
        // Members vote side by side, each on its own queue in order, as clients do.
        await Task.WhenAll(queues.Select(async q =>
        {
            foreach (var mediaId in q.Titles)
                await room.Ask<VoteResult>(new CastVote(roomId, q.User, mediaId, VoteType.Dislike, null), TimeSpan.FromSeconds(30));
        }));
        await room.GracefulStop(TimeSpan.FromSeconds(30));
    }
}
