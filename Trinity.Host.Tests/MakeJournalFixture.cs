using System.Text.Json;
using Microsoft.Data.Sqlite;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Tests;

// Temporary: run once on the code before the finish/undo/chat change to make the journal fixture.
public sealed class MakeJournalFixture
{
    [Fact]
    public async Task Make()
    {
        var target = Environment.GetEnvironmentVariable("TRINITY_MAKE_FIXTURE");
        if (target is null) return;
        var dataDir = TrinityServer.NewDataDir();
        var manifest = new Dictionary<string, object>();
        await using (var server = await TrinityServer.StartAsync(dataDir, "--Trinity:Rooms:SnapshotEvery=25"))
        {
            await using var ana = await TrinityClient.ConnectAsync(server, "Ana");
            await using var ben = await TrinityClient.ConnectAsync(server, "Ben");
            await using var cid = await TrinityClient.ConnectAsync(server, "Cid");
            manifest["users"] = new { ana = ana.UserId, ben = ben.UserId, cid = cid.UserId };

            // Room "open": 3 members, chat before and after a snapshot (at event 25), 2 matches, still open.
            var open = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Legacy open", queueSize = 10 });
            var queues = new Dictionary<TrinityClient, RoomSnapshot> { [ana] = open };
            foreach (var c in new[] { ben, cid }) queues[c] = await c.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = open.InviteCode });
            await ana.Invoke<MessageDelivered>("SendMessage", new { roomId = open.RoomId, text = "hola, ¿qué vemos?" });
            await ben.Invoke<MessageDelivered>("SendMessage", new { roomId = open.RoomId, text = "something scary" });
            await cid.Invoke<MessageDelivered>("SendMessage", new { roomId = open.RoomId, text = "psst", toUserId = ana.UserId });
            await cid.Invoke<MessageDelivered>("SendMessage", new { roomId = open.RoomId, text = "<b>not bold</b>" });
            var liked = open.Queue.Take(2).Select(t => t.MediaId).ToHashSet();
            var benLikes = open.Queue[5].MediaId; // ana and ben like it, cid votes nope: closest call, no match
            foreach (var c in new[] { ana, ben, cid })
            {
                var mine = queues[c].Queue.Select(t => t.MediaId).Where(id => liked.Contains(id)).ToList();
                mine.AddRange(queues[c].Queue.Select(t => t.MediaId).Where(id => !liked.Contains(id)).Take(4));
                if (!mine.Contains(benLikes)) mine.Add(benLikes);
                foreach (var id in mine)
                {
                    var like = liked.Contains(id) || (id == benLikes && c != cid);
                    await c.Invoke<VoteResult>("Vote", new { roomId = open.RoomId, mediaId = id, voteType = like ? "like" : "dislike" });
                }
            }
            await ben.Invoke<MessageDelivered>("SendMessage", new { roomId = open.RoomId, text = "two matches!" });
            await ana.Invoke<MessageDelivered>("SendMessage", new { roomId = open.RoomId, text = "after the snapshot" });

            // Room "closed": closed by its creator after a match and a chat line.
            var closed = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Legacy closed", queueSize = 5 });
            var benClosed = await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = closed.RoomId });
            await ben.Invoke<MessageDelivered>("SendMessage", new { roomId = closed.RoomId, text = "done soon" });
            await ana.Invoke<VoteResult>("Vote", new { roomId = closed.RoomId, mediaId = closed.Queue[0].MediaId, voteType = "like" });
            await ben.Invoke<VoteResult>("Vote", new { roomId = closed.RoomId, mediaId = closed.Queue[0].MediaId, voteType = "like" });
            await ana.Invoke<RoomSnapshot>("CloseRoom", new { roomId = closed.RoomId });

            var snapshots = new Dictionary<string, JsonElement>();
            foreach (var (name, c) in new[] { ("ana", ana), ("ben", ben), ("cid", cid) })
                snapshots["open/" + name] = await c.Invoke<JsonElement>("GetRoomState", new { roomId = open.RoomId });
            foreach (var (name, c) in new[] { ("ana", ana), ("ben", ben) })
                snapshots["closed/" + name] = await c.Invoke<JsonElement>("GetRoomState", new { roomId = closed.RoomId });
            manifest["rooms"] = new { open = open.RoomId, closed = closed.RoomId };
            manifest["snapshots"] = snapshots;
        }
        var db = Path.Combine(dataDir, "trinity.db");
        File.Delete(target + ".db");
        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{target}.db'";
            vacuum.ExecuteNonQuery();
        }
        await File.WriteAllTextAsync(target + ".json", JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
    }
}
