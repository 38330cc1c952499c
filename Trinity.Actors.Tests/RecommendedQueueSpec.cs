using System.Text.Json;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Tests;

/// <summary>Suggestions go to the front of what each member has left to vote, and stay there through snapshots and replays.</summary>
public sealed class RecommendedQueueSpec
{
    private static readonly DateTime At = new(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
    private static readonly RoomSettings Settings = new("Friday", ConsensusMode.Majority, new RoomFilters(), 4, 10, false);

    private static MediaItem Title(string id) => new(id, id, 2000, MediaType.Movie, ["drama"], "", 7);

    private static RoomState RoomWithVotes()
    {
        var state = new RoomState();
        state = state.Apply(new RoomCreated(1, At, "r1", "ABC123", Settings, "ana", "Ana", true, new[] { "a", "b", "c", "d" }.Select(Title).ToArray()));
        state = state.Apply(new MemberJoined(2, At, "ben", "Ben", true));
        var seq = 2L;
        foreach (var title in state.QueueOf("ana").Take(2)) state = state.Apply(new VoteCast(++seq, At, "ana", title.MediaId, VoteType.Like, null));
        return state;
    }

    private static TitlesRecommended Suggest(long seq, bool atFront = true) =>
        new(seq, At, "ben", [Title("x"), Title("y")], ["drama"], "r", "neutral", 0.5, "fallback", "Understood: drama.", ["Drama", "Drama"], "en", atFront);

    [Fact]
    public void New_titles_come_right_after_what_each_member_has_voted_and_first_for_a_late_joiner()
    {
        var state = RoomWithVotes();
        var anaBefore = state.QueueOf("ana").Select(t => t.MediaId).ToArray();
        var benBefore = state.QueueOf("ben").Select(t => t.MediaId).ToArray();

        state = state.Apply(Suggest(5));
        state = state.Apply(new MemberJoined(6, At, "cleo", "Cleo", true));

        string[] added = ["x", "y"];
        var ana = state.QueueOf("ana").Select(t => t.MediaId).ToArray();
        Assert.Equal(anaBefore[..2], ana[..2]);
        Assert.Equal(added, ana[2..4].Order());
        Assert.Equal(anaBefore[2..], ana[4..]);
        Assert.Equal(2, state.CurrentIndex("ana"));
        Assert.Equal(added, state.QueueOf("ben").Take(2).Select(t => t.MediaId).Order());
        Assert.Equal(benBefore, state.QueueOf("ben").Skip(2).Select(t => t.MediaId));
        Assert.Equal(added, state.QueueOf("cleo").Take(2).Select(t => t.MediaId).Order());
    }

    [Fact]
    public void A_snapshot_keeps_the_places_and_an_old_event_still_appends()
    {
        var state = RoomWithVotes();
        state = state.Apply(Suggest(5));
        var copy = JsonSerializer.Deserialize<RoomState>(JsonSerializer.SerializeToUtf8Bytes(state, TrinityJson.Options), TrinityJson.Options)!;
        foreach (var member in new[] { "ana", "ben" })
            Assert.Equal(state.QueueOf(member).Select(t => t.MediaId), copy.QueueOf(member).Select(t => t.MediaId));

        var old = RoomWithVotes();
        old = old.Apply(Suggest(5, atFront: false));
        Assert.Equal(["x", "y"], old.QueueOf("ana").Skip(4).Select(t => t.MediaId).Order());
    }
}
