using System.Net;
using System.Net.Sockets;

namespace Trinity.Host.Tests;

/// <summary>
/// A node given a setting that could only fail later refuses to start, naming the key: one bad value of each
/// settings class, and the discovery combinations. Each runs the built node as an operator does (environment
/// variables only, Production, an unrelated working directory).
/// </summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class BadSettingTests
{
    [Theory]
    [InlineData("Trinity:Rooms:SnapshotEvery", "--Trinity:Rooms:SnapshotEvery=0")]
    [InlineData("Trinity:Rooms:ConnectionBuffer", "--Trinity:Rooms:ConnectionBuffer=0")]
    [InlineData("Trinity:Rooms:AskTimeout", "--Trinity:Rooms:AskTimeout=00:00:00")]
    [InlineData("Trinity:Rooms:InactiveAfter", "--Trinity:Rooms:InactiveAfter=-00:01:00")]
    [InlineData("Trinity:Rooms:IdleAfter", "--Trinity:Rooms:IdleAfter=00:00:00")]
    [InlineData("Trinity:Rooms:InviteCodeGrace", "--Trinity:Rooms:InviteCodeGrace=-1.00:00:00")]
    [InlineData("Trinity:Cluster:Port", "--Trinity:Cluster:Port=70000")]
    [InlineData("Trinity:Cluster:StableAfter", "--Trinity:Cluster:StableAfter=00:00:00")]
    [InlineData("Trinity:Persistence:Provider", "--Trinity:Persistence:Provider=oracle")]
    [InlineData("Trinity:Persistence:ConnectionString", "--Trinity:Persistence:Provider=postgres")]
    [InlineData("Trinity:Persistence:SqliteSynchronous", "--Trinity:Persistence:SqliteSynchronous=off")]
    [InlineData("Trinity:Persistence:MinFreeDiskMb", "--Trinity:Persistence:MinFreeDiskMb=-1")]
    [InlineData("Trinity:Auth:SigningKey", "--Trinity:Auth:SigningKey=too-short")]
    [InlineData("Trinity:Auth:TokenLifetime", "--Trinity:Auth:TokenLifetime=00:00:00")]
    [InlineData("Trinity:BasePath", "--Trinity:BasePath=trinity/")]
    [InlineData("Trinity:ForwardedHeaders:KnownProxies", "--Trinity:ForwardedHeaders:KnownProxies=proxy.local")]
    [InlineData("Trinity:RateLimits:Votes:Connection:Burst", "--Trinity:RateLimits:Votes:Connection:Burst=0")]
    [InlineData("Trinity:Catalog:Tmdb:Pages", "--Trinity:Catalog:Tmdb:ApiKey=key", "--Trinity:Catalog:Tmdb:Pages=0")]
    [InlineData("Trinity:Ai:Endpoint", "--Trinity:Ai:Endpoint=localhost:8000")]
    [InlineData("Trinity:Cluster:Discovery:Method", "--Trinity:Cluster:Discovery:Method=dns")]
    [InlineData("Trinity:Cluster:Discovery:LabelSelector", "--Trinity:Cluster:Discovery:Method=kubernetes")]
    [InlineData("Trinity:Cluster:Discovery:Endpoints", "--Trinity:Cluster:Discovery:Method=config")]
    [InlineData("Trinity:Cluster:Discovery:Endpoints", "--Trinity:Cluster:Discovery:Method=config", "--Trinity:Cluster:Discovery:Endpoints=node-1")]
    [InlineData("Trinity:Cluster:Seeds", "--Trinity:Cluster:Discovery:Method=config", "--Trinity:Cluster:Discovery:Endpoints=127.0.0.1:8558",
        "--Trinity:Cluster:Seeds=akka.tcp://trinity@127.0.0.1:4051")]
    public async Task A_bad_setting_stops_the_node_at_start_naming_the_key(string key, params string[] settings)
    {
        var (exitCode, output) = await HostProcess.RunToExitAsync(HostProcess.Variables(TrinityServer.NewDataDir(), "http://127.0.0.1:0", settings));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(key + " ", output);
    }

    [Fact]
    public async Task A_management_port_in_use_stops_the_node_at_start_naming_the_key()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output) = await HostProcess.RunToExitAsync(HostProcess.Variables(TrinityServer.NewDataDir(), "http://127.0.0.1:0",
            "--Trinity:Cluster:Discovery:Method=config", $"--Trinity:Cluster:Discovery:Endpoints=127.0.0.1:{port}", $"--Trinity:Cluster:Management:Port={port}"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Trinity:Cluster:Management:Port {port} is already in use", output);
    }
}
