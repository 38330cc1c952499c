using System.Net;
using System.Net.Sockets;

namespace Trinity.Host.Tests;

/// <summary>A node given a discovery configuration that could only fail later refuses to start, naming the key.</summary>
[Trait(OwnStorage.Trait, OwnStorage.Value)]
public sealed class DiscoveryConfigurationTests
{
    [Theory]
    [InlineData("Trinity:Cluster:Discovery:Method", "--Trinity:Cluster:Discovery:Method=dns")]
    [InlineData("Trinity:Cluster:Discovery:LabelSelector", "--Trinity:Cluster:Discovery:Method=kubernetes")]
    [InlineData("Trinity:Cluster:Discovery:Endpoints", "--Trinity:Cluster:Discovery:Method=config")]
    [InlineData("Trinity:Cluster:Discovery:Endpoints", "--Trinity:Cluster:Discovery:Method=config", "--Trinity:Cluster:Discovery:Endpoints=node-1")]
    [InlineData("Trinity:Cluster:Seeds", "--Trinity:Cluster:Discovery:Method=config", "--Trinity:Cluster:Discovery:Endpoints=127.0.0.1:8558",
        "--Trinity:Cluster:Seeds=akka.tcp://trinity@127.0.0.1:4051")]
    public async Task A_bad_discovery_setting_stops_the_node_at_start_naming_the_key(string key, params string[] settings)
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
