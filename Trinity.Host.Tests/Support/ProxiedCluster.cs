using Xunit.Abstractions;
using static Trinity.Host.Tests.TestCluster;

namespace Trinity.Host.Tests;

/// <summary>
/// Node processes of one cluster on the test PostgreSQL, under the base path, behind real nginx that they trust
/// for forwarded headers: the production shape of deploy/nginx on loopback.
/// </summary>
public sealed class ProxiedCluster : IAsyncDisposable
{
    public const string BasePath = "/trinity";

    private ProxiedCluster(List<HostProcess> nodes, NginxProxy nginx)
    {
        Nodes = nodes;
        Nginx = nginx;
    }

    public List<HostProcess> Nodes { get; }
    public NginxProxy Nginx { get; }
    /// <summary>What clients use: nginx at the base path.</summary>
    public Uri BaseUri => new(Nginx.Root, BasePath + "/");

    /// <summary>Why it cannot run here, or null.</summary>
    public static string? Unavailable =>
        !NginxProxy.Available ? NginxProxy.Absent : TestPostgres.ConnectionString is null ? TestPostgres.Absent : null;

    public static async Task<ProxiedCluster> StartAsync(int count, ITestOutputHelper output, params string[] extraArguments)
    {
        var seedPort = FreePorts.Next();
        var nodes = new List<HostProcess>();
        try
        {
            var httpPorts = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var httpPort = FreePorts.Next();
                httpPorts.Add(httpPort);
                var settings = HostProcess.EnvironmentOf([
                    .. TrinityServer.Arguments(TrinityServer.NewDataDir(), $"http://127.0.0.1:{httpPort}"),
                    .. Node(i == 0 ? seedPort : FreePorts.Next(), seedPort),
                    $"--Trinity:BasePath={BasePath}",
                    $"--Trinity:ForwardedHeaders:KnownProxies={NginxProxy.Address}",
                    .. extraArguments,
                ]);
                nodes.Add(await HostProcess.StartAsync(settings, output));
            }
            await WaitUntil(async () => (await Task.WhenAll(nodes.Select(n => NodeCount(n.Http)))).All(c => c == count), $"{count} nodes are Up");
            var nginx = await NginxProxy.StartAsync(httpPorts, BasePath + "/healthz/ready", output);
            return new ProxiedCluster(nodes, nginx);
        }
        catch
        {
            foreach (var node in nodes) await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>The node with realtime connections open (all test clients come from one address, so nginx sends them to one node).</summary>
    public async Task<HostProcess> NodeWithConnectionsAsync()
    {
        HostProcess? found = null;
        await WaitUntil(async () =>
        {
            foreach (var node in Nodes)
                if (await ConnectionsOn(node) > 0)
                    found = node;
            return found is not null;
        }, "a node has the clients' connections");
        return found!;
    }

    /// <summary>The realtime connections open on <paramref name="node"/>.</summary>
    public static async Task<int> ConnectionsOn(HostProcess node) =>
        (await node.Http.AdminAsync(HttpMethod.Get, "api/admin/stats")).Body.GetProperty("totalConnections").GetInt32();

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
