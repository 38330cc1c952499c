using System.Text.Json;

namespace Trinity.Host.Tests;

/// <summary>In-process nodes of one cluster on the test PostgreSQL, and bounded waits on what they report.</summary>
public static class TestCluster
{
    /// <summary>The settings of one node of a test cluster whose seed listens on <paramref name="seedPort"/>.</summary>
    public static string[] Node(int port, int seedPort, string? connectionString = null) =>
    [
        "--Trinity:Persistence:Provider=postgres", $"--Trinity:Persistence:ConnectionString={connectionString ?? TestPostgres.ConnectionString}",
        $"--Trinity:Cluster:Port={port}", $"--Trinity:Cluster:Seeds=akka.tcp://trinity@127.0.0.1:{seedPort}",
        "--Trinity:Cluster:StableAfter=00:00:03",
    ];

    /// <summary>Two in-process nodes, returned once each sees both Up.</summary>
    public static async Task<(TrinityServer First, TrinityServer Second)> StartTwoAsync()
    {
        var seedPort = FreePorts.Next();
        var first = await TrinityServer.StartAsync(null, Node(seedPort, seedPort));
        var second = await TrinityServer.StartAsync(null, Node(FreePorts.Next(), seedPort));
        await WaitUntil(async () => await NodeCount(first.Http) == 2 && await NodeCount(second.Http) == 2, "both nodes are Up");
        return (first, second);
    }

    public static async Task<JsonElement> Stats(HttpClient node) => (await node.AdminAsync(HttpMethod.Get, "api/admin/stats")).Body;

    public static async Task<int> NodeCount(HttpClient node) => (await Stats(node)).GetProperty("nodes").GetInt32();

    /// <summary>The rooms active on this node.</summary>
    public static async Task<IReadOnlyList<string>> RoomsOn(HttpClient node) =>
        (await Stats(node)).GetProperty("roomStats").EnumerateArray().Select(r => r.GetProperty("roomId").GetString()!).ToList();

    public static async Task<bool> Hosts(HttpClient node, string roomId) => (await RoomsOn(node)).Contains(roomId);

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <see cref="Waits.Background"/>.</summary>
    public static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Waits.Background;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not in time: {what}");
            await Task.Delay(100);
        }
    }
}
