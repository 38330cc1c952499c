using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>
/// Node processes of one cluster on the test PostgreSQL, configured only by environment variables, that find
/// each other with <c>config</c> discovery (no seed list). Each node keeps its HTTP and management ports across
/// restarts, as in <c>scripts/cluster.sh</c>.
/// </summary>
public sealed class ProcessCluster(ITestOutputHelper output, IReadOnlyList<Dictionary<string, string>> environments) : IAsyncDisposable
{
    private readonly HostProcess?[] _nodes = new HostProcess?[environments.Count];

    public HostProcess this[int node] => _nodes[node] ?? throw new InvalidOperationException($"node {node} is not running");
    public int Count => _nodes.Length;
    public IEnumerable<HostProcess> Running => _nodes.OfType<HostProcess>();
    public Uri[] Urls { get; } = environments.Select(e => new Uri(e["ASPNETCORE_URLS"])).ToArray();

    /// <summary>The node with the lowest management address: Cluster Bootstrap has it form the cluster, so it is the oldest.</summary>
    public int FormedBy { get; } = environments.Select((e, i) => (Port: int.Parse(e["Trinity__Cluster__Management__Port"]), i)).Min().i;

    public static async Task<ProcessCluster> StartAsync(int count, ITestOutputHelper output)
    {
        var management = Enumerable.Range(0, count).Select(_ => FreePorts.Next()).ToArray();
        var endpoints = string.Join(",", management.Select(p => $"127.0.0.1:{p}"));
        var cluster = new ProcessCluster(output, management.Select(port => HostProcess.Variables(TrinityServer.NewDataDir(), $"http://127.0.0.1:{FreePorts.Next()}",
            "--Trinity:Persistence:Provider=postgres", $"--Trinity:Persistence:ConnectionString={TestPostgres.ConnectionString}",
            "--Trinity:Cluster:Discovery:Method=config", $"--Trinity:Cluster:Discovery:Endpoints={endpoints}",
            $"--Trinity:Cluster:Management:Port={port}")).ToList());
        try
        {
            // Bootstrap forms a new cluster only once every listed contact point answers: start them together.
            await Task.WhenAll(Enumerable.Range(0, count).Select(cluster.StartNodeAsync));
            await cluster.WaitUntilAllSee(count);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartNodeAsync(int node) => _nodes[node] = await HostProcess.StartAsync(environments[node], output);

    public Task WaitUntilAllSee(int members) =>
        WaitUntil(async () => (await Task.WhenAll(Running.Select(n => NodeCount(n.Http)))).All(c => c == members), $"every node sees {members} members");

    /// <summary>SIGKILL: the node is gone with no goodbye.</summary>
    public void Kill(int node)
    {
        this[node].Kill();
        _nodes[node] = null;
    }

    /// <summary>
    /// One step of a rolling restart, as <c>scripts/cluster.sh roll</c> does it: SIGTERM, wait for the process to
    /// exit (0), start it again, wait until it is ready and every node sees the whole cluster.
    /// </summary>
    /// <returns>how long the node took to drain and exit</returns>
    public async Task<TimeSpan> RestartAsync(int node)
    {
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        this[node].Terminate();
        var exitCode = await this[node].WaitForExitAsync(Waits.Drain);
        var drained = stopping.Elapsed;
        Assert.True(exitCode == 0, $"node {node} exited with {exitCode}: {string.Join('\n', this[node].Log.TakeLast(30))}");
        await this[node].DisposeAsync();
        _nodes[node] = null;
        await StartNodeAsync(node);
        await WaitUntilAllSee(Count);
        return drained;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<HostProcess>()) await node.DisposeAsync();
    }
}
