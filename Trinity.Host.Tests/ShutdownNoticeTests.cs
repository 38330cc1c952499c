using Trinity.Actors.Protocol;

namespace Trinity.Host.Tests;

public sealed class ShutdownNoticeTests
{
    [Fact]
    public async Task Connected_clients_are_told_before_their_node_shuts_down()
    {
        var server = await TrinityServer.StartAsync();
        await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
        await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Late show", queueSize = 5 });
        var notice = ana.WaitFor("systemMessage");

        await server.DisposeAsync(); // what SIGTERM does

        Assert.Equal("maintenance", (await notice).Get("type"));
    }
}
