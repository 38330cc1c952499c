using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using Microsoft.Data.Sqlite;
using Trinity.Actors.Rooms;
using Trinity.Actors.Hosting;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>
/// A SQLite journal written by Trinity before the room's rules became a pure domain (Fixtures/journal-before-domain.*,
/// made by the room actor of that code): two rooms with votes, a match, an undo, chat, suggestions, a leave, a
/// decided ending and snapshots. Recovered from its snapshots or from its events alone, members see exactly what
/// they saw, a repeated vote gets its first answer, and the replayed wire events are the ones sent then.
/// </summary>
public abstract class DomainJournalSpec(ITestOutputHelper output, bool keepSnapshots)
    : RoomActorSpecBase(output, ActorTestConfig.WithJournal($"Data Source={CopyOfFixture(keepSnapshots)}", TrinityPersistence.SqliteProvider))
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-before-domain.json"))).RootElement;

    private static string CopyOfFixture(bool keepSnapshots)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("trinity-domain-").FullName, "trinity.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-before-domain.db"), copy);
        if (keepSnapshots) return copy;
        using var connection = new SqliteConnection($"Data Source={copy};Pooling=false");
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM snapshot";
        Assert.Equal(2, delete.ExecuteNonQuery());
        return copy;
    }

    private IActorRef Recovered(string roomId) =>
        Sys.ActorOf(RoomActor.Props(roomId, Settings with { SnapshotEvery = 10 }, TestCatalog.Instance,
            new KeywordRecommender(TestCatalog.Instance), new ManualClock(DateTimeOffset.Parse(Manifest.GetProperty("clock").GetString()!))));

    private static JsonNode Json(object o) => JsonSerializer.SerializeToNode(o, o.GetType(), TrinityJson.Options)!;

    private static JsonNode Recorded(string section, string key) => JsonNode.Parse(Manifest.GetProperty(section).GetProperty(key).GetRawText())!;

    [Theory]
    [InlineData("dom-open", "ana")]
    [InlineData("dom-open", "ben")]
    [InlineData("dom-done", "ana")]
    [InlineData("dom-done", "ben")]
    public void Members_see_exactly_what_they_saw(string roomId, string userId)
    {
        var before = Recorded("snapshots", $"{roomId}/{userId}");
        // Subscriptions are not durable: after recovery nobody is online.
        foreach (var member in before["members"]!.AsArray()) member!["online"] = false;

        var after = Json(Ask<RoomSnapshot>(Recovered(roomId), new GetRoomState(roomId, userId)));

        Assert.True(JsonNode.DeepEquals(before, after), $"before {before.ToJsonString()}\nafter  {after.ToJsonString()}");
    }

    [Fact]
    public void A_repeated_vote_that_made_a_match_gets_its_first_answer()
    {
        var vote = JsonSerializer.Deserialize<CastVote>(Manifest.GetProperty("repeat").GetProperty("vote").GetRawText(), TrinityJson.Options)!;

        var again = Ask<VoteResult>(Recovered(vote.RoomId), vote);

        Assert.True(JsonNode.DeepEquals(Recorded("repeat", "result"), Json(again)), Json(again).ToJsonString());
    }

    [Fact]
    public void A_connection_that_follows_again_gets_the_wire_events_that_were_sent()
    {
        var connection = CreateTestProbe();
        connection.IgnoreMessages(m => m is not IRoomNotification);
        var recorded = Manifest.GetProperty("notifications");
        var lastSeq = recorded.EnumerateObject().Max(p => long.Parse(p.Name));

        Recovered("dom-open").Tell(new Resubscribe("dom-open", "ana", connection.Ref, AfterSeq: 0));

        var replayed = 0;
        while (true)
        {
            var n = connection.ExpectMsg<IRoomNotification>(TimeSpan.FromSeconds(10));
            if (n.Seq > lastSeq) break; // ana coming online again, recorded now
            if (n.Seq == 1) continue; // the room's creation reached nobody then
            var then = recorded.GetProperty(n.Seq.ToString());
            Assert.Equal(then.GetProperty("type").GetString(), n.GetType().Name);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(then.GetProperty("event").GetRawText()), Json(n)), Json(n).ToJsonString());
            replayed++;
        }
        Assert.True(replayed >= (keepSnapshots ? 1 : 20), $"{replayed} events replayed");
    }
}

public sealed class DomainJournalFromSnapshotsSpec(ITestOutputHelper output) : DomainJournalSpec(output, keepSnapshots: true);

public sealed class DomainJournalFromEventsSpec(ITestOutputHelper output) : DomainJournalSpec(output, keepSnapshots: false);
