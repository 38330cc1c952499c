using Trinity.Actors.Protocol;
using Xunit.Abstractions;

namespace Trinity.Host.Tests;

/// <summary>The built server as a process, killed and started again on the same data directory.</summary>
public sealed class ChatRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chat_and_the_pick_survive_a_killed_server()
    {
        var dataDir = TrinityServer.NewDataDir();
        RoomSnapshot before;
        Auth.GuestIdentity anaId;
        await using (var node = await HostProcess.StartAsync(dataDir, output))
        {
            await using var ana = await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ana"));
            await using var ben = await TrinityClient.ConnectAsync(node.BaseUri, await node.GuestAsync("Ben"));
            anaId = ana.Identity;
            var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Restart", queueSize = 5, endOnFirstMatch = true });
            await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
            await ana.Invoke<MessageDelivered>("SendMessage", new { roomId = room.RoomId, text = "¿esta?" });
            await ben.Invoke<MessageDelivered>("SendMessage", new { roomId = room.RoomId, text = "yes!" });
            foreach (var c in new[] { ana, ben })
                await c.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = room.Queue[2].MediaId, voteType = "like" });
            before = await ana.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
            Assert.Equal(FinishReason.Match, before.Finished!.Reason);
            node.Kill();
        }

        await using (var node = await HostProcess.StartAsync(dataDir, output))
        {
            await using var ana = await TrinityClient.ConnectAsync(node.BaseUri, anaId);
            var after = await ana.Invoke<RoomSnapshot>("JoinRoom", new { roomId = before.RoomId });

            Assert.Equal(["¿esta?", "yes!"], after.Chat!.Select(c => c.Text));
            Assert.Equal(before.Chat!.Select(c => c.Seq), after.Chat!.Select(c => c.Seq));
            Assert.Equal((FinishReason.Match, before.Finished.Pick), (after.Finished!.Reason, after.Finished.Pick));
        }
    }
}
