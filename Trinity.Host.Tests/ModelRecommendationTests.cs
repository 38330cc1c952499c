using Trinity.Actors.Catalog;
using Trinity.Actors.Protocol;

namespace Trinity.Host.Tests;

/// <summary>A node pointed at a chat model (a loopback chat-completions server), played by real clients.</summary>
public sealed class ModelRecommendationTests : IAsyncLifetime
{
    private LoopbackChatModel _model = null!;
    private TrinityServer _server = null!;

    public async Task InitializeAsync()
    {
        _model = await LoopbackChatModel.StartAsync();
        _server = await TrinityServer.StartAsync(null, $"--Trinity:Ai:Endpoint={_model.Endpoint}", "--Trinity:Ai:TimeoutSeconds=5");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task A_model_recommendation_reaches_every_member_and_its_titles_can_be_voted_to_a_match()
    {
        await using var ana = await TrinityClient.ConnectAsync(_server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(_server, "Ben", messagePack: true);
        await using var cleo = await TrinityClient.ConnectAsync(_server, "Cleo");
        var filters = new RoomFilters(["comedy", "drama"], [MediaType.Movie]);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Viernes", queueSize = 5, filters = new { genres = filters.Genres, mediaTypes = new[] { "movie" } } });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        await cleo.Invoke<RoomSnapshot>("JoinRoom", new { inviteCode = room.InviteCode });
        _model.Reply = LoopbackChatModel.Answer("Claro:\n```json\n{\"genres\": [\"Comedy\"], \"emotionalState\": \"stressed\", \"approach\": \"escape\", \"reasoning\": \"Para desconectar riendo.\"}\n```");

        Assert.True((await ben.Invoke<RecommendationsAccepted>("RequestRecommendations", new { roomId = room.RoomId, mood = "Estamos agobiados, algo para reír" })).Accepted);

        var seen = new List<ReceivedEvent>();
        foreach (var member in new[] { ana, ben, cleo }) seen.Add(await member.WaitFor("aiRecommendation"));
        Assert.Single(seen.Select(e => (e.Seq, e.Get("mediaIds"))).Distinct());
        var first = seen[0];
        Assert.Equal(("model", "stressed", "Para desconectar riendo.", ben.UserId),
            (first.Get("source"), first.Get("emotionalState"), first.Get("reasoning"), first.Get("requestedBy")));
        var mediaIds = first.Payload.GetProperty("mediaIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.NotEmpty(mediaIds);
        Assert.Equal(mediaIds.Length, first.Payload.GetProperty("titles").GetArrayLength());

        // Every member's queue holds the new titles, all within the room's filters and in the model's genre.
        foreach (var member in new[] { ana, ben, cleo })
        {
            var state = await member.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
            var added = state.Queue.Where(t => mediaIds.Contains(t.MediaId)).ToArray();
            Assert.Equal(mediaIds.Length, added.Length);
            Assert.All(added, t => Assert.True(TitleSelection.Passes(t, filters) && t.Genres.Contains("comedy"), t.MediaId));
        }

        var pick = mediaIds[0];
        await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = pick, voteType = "like" });
        await cleo.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = pick, voteType = "like" });
        var last = await ben.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = pick, voteType = "like" });
        Assert.Equal(pick, last.Matched!.MediaId);
        foreach (var member in new[] { ana, ben, cleo })
            Assert.Equal(pick, (await member.WaitFor("matchFound")).Get("mediaId"));
    }

    [Fact]
    public async Task A_failing_model_still_gives_every_member_fallback_suggestions()
    {
        await using var ana = await TrinityClient.ConnectAsync(_server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(_server, "Ben");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Sábado", queueSize = 5 });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        _model.Reply = LoopbackChatModel.Status(500);

        await ana.Invoke<RecommendationsAccepted>("RequestRecommendations", new { roomId = room.RoomId, mood = "me siento muy sola" });

        foreach (var member in new[] { ana, ben })
        {
            var e = await member.WaitFor("aiRecommendation");
            Assert.Equal(("fallback", "lonely"), (e.Get("source"), e.Get("emotionalState")));
            Assert.NotEqual(0, e.Payload.GetProperty("mediaIds").GetArrayLength());
        }
        Assert.Equal(1, _model.Requests);
    }

    [Fact]
    public async Task Failures_in_a_row_open_the_circuit_and_the_resilience_events_show_up_at_metrics()
    {
        await using var ana = await TrinityClient.ConnectAsync(_server, "Ana");
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Domingo", queueSize = 5 });
        _model.Reply = LoopbackChatModel.Status(503);

        for (var i = 0; i < 3; i++) // Trinity:Ai:BreakAfterFailures' default
        {
            await ana.Invoke<RecommendationsAccepted>("RequestRecommendations", new { roomId = room.RoomId, mood = "qué aburrido" });
            Assert.Equal("fallback", (await ana.WaitFor("aiRecommendation")).Get("source"));
        }
        await ana.Invoke<RecommendationsAccepted>("RequestRecommendations", new { roomId = room.RoomId, mood = "qué aburrido" });
        Assert.Equal("fallback", (await ana.WaitFor("aiRecommendation")).Get("source"));
        Assert.Equal(3, _model.Requests);

        var metrics = (await _server.Http.GetStringAsync("/metrics")).Split('\n');
        Assert.Contains(metrics, line => line.StartsWith("resilience_polly_strategy_events_total{")
            && line.Contains("event_name=\"OnCircuitOpened\"") && line.Contains("pipeline_name=\"chat-model\""));
    }

    [Fact]
    public async Task A_request_is_answered_with_its_reading_the_count_added_and_the_titles_first_in_every_queue()
    {
        await using var ana = await TrinityClient.ConnectAsync(_server, "Ana");
        await using var ben = await TrinityClient.ConnectAsync(_server, "Ben", messagePack: true);
        var room = await ana.Invoke<RoomSnapshot>("CreateRoom", new { name = "Viernes", queueSize = 6 });
        await ben.Invoke<RoomSnapshot>("JoinRoom", new { roomId = room.RoomId });
        foreach (var title in room.Queue.Take(2))
            await ana.Invoke<VoteResult>("Vote", new { roomId = room.RoomId, mediaId = title.MediaId, voteType = "dislike" });
        _model.Reply = LoopbackChatModel.Answer("""
            Aquí va: {"genres": ["horror"], "tones": ["scary"], "avoid": ["gory"], "mediaType": "movie", "emotionalState": "bored",
            "approach": "escape", "reasoning": "Miedo del bueno, sin casquería."}
            """);

        await ben.Invoke<RecommendationsAccepted>("RequestRecommendations", new { roomId = room.RoomId, mood = "algo de miedo pero no muy gore" });

        var e = await ana.WaitFor("aiRecommendation");
        var toBen = await ben.WaitFor("aiRecommendation");
        Assert.Equal((e.Seq, e.Get("mediaIds"), e.Get("reading")), (toBen.Seq, toBen.Get("mediaIds"), toBen.Get("reading")));
        var mediaIds = e.Payload.GetProperty("mediaIds").EnumerateArray().Select(x => x.GetString()!).ToArray();
        Assert.Equal(5, e.Payload.GetProperty("added").GetInt32());
        Assert.Equal(5, mediaIds.Length);
        Assert.Equal(("model", "es", "Miedo del bueno, sin casquería."), (e.Get("source"), e.Get("language"), e.Get("reasoning")));
        Assert.StartsWith("Entendido: terror, de miedo, nada gore, una película.", e.Get("reading"));
        Assert.Equal(5, e.Payload.GetProperty("reasons").GetArrayLength());
        Assert.All(e.Payload.GetProperty("reasons").EnumerateArray(), r => Assert.StartsWith("Terror", r.GetString()));

        // Ana voted two: the suggestions come next for her; Ben voted none: they come first.
        var anaState = await ana.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
        Assert.Equal(2, anaState.CurrentIndex);
        Assert.Equal(mediaIds.Order(), anaState.Queue.Skip(2).Take(5).Select(t => t.MediaId).Order());
        var benState = await ben.Invoke<RoomSnapshot>("GetRoomState", new { roomId = room.RoomId });
        Assert.Equal(mediaIds.Order(), benState.Queue.Take(5).Select(t => t.MediaId).Order());
        Assert.All(benState.Queue.Take(5), t => Assert.True(t.Genres.Contains("horror") && t.MediaType == MediaType.Movie, t.MediaId));
    }
}
