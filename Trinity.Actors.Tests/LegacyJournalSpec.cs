using System.Text.Json;
using System.Text.Json.Nodes;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>
/// A SQLite journal written by Trinity before rooms kept their chat and ending (Fixtures/journal-before-finish.*,
/// made by the server of commit d0cb3e3) recovers: members see what they saw then, plus the new fields.
/// </summary>
public sealed class LegacyJournalSpec(ITestOutputHelper output)
    : RoomActorSpecBase(output, ActorTestConfig.WithJournal($"Data Source={CopyOfFixture()}", TrinityPersistence.SqliteProvider))
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-before-finish.json"))).RootElement;

    private static string CopyOfFixture()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("trinity-legacy-").FullName, "trinity.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-before-finish.db"), copy);
        return copy;
    }

    private static string User(string name) => Manifest.GetProperty("users").GetProperty(name).GetString()!;
    private static string RoomOf(string name) => Manifest.GetProperty("rooms").GetProperty(name).GetString()!;

    [Theory]
    [InlineData("open", "ana")]
    [InlineData("open", "cid")]
    [InlineData("closed", "ben")]
    public void Members_see_what_they_saw_before_the_change(string roomName, string userName)
    {
        var roomId = RoomOf(roomName);
        var now = Ask<RoomSnapshot>(Room(roomId), new GetRoomState(roomId, User(userName)));

        var before = JsonNode.Parse(Manifest.GetProperty("snapshots").GetProperty($"{roomName}/{userName}").GetRawText())!.AsObject();
        var after = JsonSerializer.SerializeToNode(now, TrinityJson.Options)!.AsObject();
        // The members went offline after the capture (events of their own), so presence and seq differ.
        foreach (var member in before["members"]!.AsArray()) member!["online"] = false;
        Assert.True(now.Seq > (long)before["seq"]!);
        before.Remove("seq");
        foreach (var (field, value) in before)
            Assert.True(Keeps(value, after[field]), $"{field}: before {value?.ToJsonString()}, after {after[field]?.ToJsonString()}");
    }

    /// <summary>
    /// Everything <paramref name="before"/> said, <paramref name="after"/> still says the same way; fields added to the
    /// protocol since (optional, as docs/PROTOCOL.md requires of every addition) may come on top.
    /// </summary>
    private static bool Keeps(JsonNode? before, JsonNode? after) => (before, after) switch
    {
        (JsonObject b, JsonObject a) => b.All(field => a.ContainsKey(field.Key) && Keeps(field.Value, a[field.Key])),
        (JsonArray b, JsonArray a) => b.Count == a.Count && b.Zip(a, Keeps).All(kept => kept),
        _ => JsonNode.DeepEquals(before, after),
    };

    [Fact]
    public void The_open_room_keeps_chat_written_after_its_old_snapshot_and_plays_on()
    {
        var roomId = RoomOf("open");
        var room = Room(roomId);
        var ana = Ask<RoomSnapshot>(room, new GetRoomState(roomId, User("ana")));

        Assert.Null(ana.Finished);
        // The snapshot at event 25 predates kept chat: lines before it are not rebuilt, lines after it are.
        Assert.Equal(["two matches!", "after the snapshot"], ana.Chat!.Select(c => c.Text));
        var next = ana.Queue[ana.CurrentIndex].MediaId;
        Vote(room, roomId, User("ana"), next, VoteType.Dislike);
        Assert.True(Ask<UndoResult>(room, new UndoVote(roomId, User("ana"), next)).Withdrawn);
        var decided = Ask<RoomSnapshot>(room, new DecideNow(roomId, User("ana")));
        Assert.Equal(FinishReason.Decided, decided.Finished!.Reason);
        Assert.Equal(ana.Matches.Select(m => m.MediaId).Order(), decided.Finished.Ranking.Select(r => r.MediaId).Order());
    }

    [Fact]
    public void The_closed_room_shows_its_chat_and_why_and_how_it_ended()
    {
        var roomId = RoomOf("closed");
        var ben = Ask<RoomSnapshot>(Room(roomId), new GetRoomState(roomId, User("ben")));

        Assert.Equal(["done soon"], ben.Chat!.Select(c => c.Text));
        Assert.Equal(FinishReason.Closed, ben.Finished!.Reason);
        Assert.Equal(ben.Matches.Single().MediaId, ben.Finished.Pick!.MediaId);
    }
}
