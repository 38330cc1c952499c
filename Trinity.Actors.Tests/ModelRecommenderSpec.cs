using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Trinity.Actors.Catalog;
using Trinity.Actors.Hosting;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Recommendations.Model;

namespace Trinity.Actors.Tests;

/// <summary>
/// The model path end to end over real HTTP: a loopback chat-completions server answers well, in prose,
/// with a 500, too late, with broken JSON; each time the member gets a usable recommendation and the right source.
/// </summary>
public sealed class ModelRecommenderSpec : IAsyncLifetime
{
    private static readonly EmbeddedCatalog Catalog = new();
    private static readonly RoomFilters Filters = new(MediaTypes: [MediaType.Movie], YearFrom: 1970);
    private LoopbackChatModel _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackChatModel.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private GuardedRecommender Recommender(TimeProvider? clock = null, Action<AiOptions>? configure = null)
    {
        var options = new AiOptions { Endpoint = _model.Endpoint, TimeoutSeconds = 5 };
        configure?.Invoke(options);
        return new GuardedRecommender(new ModelRecommender(ModelRecommender.Connect(options), Catalog), new KeywordRecommender(Catalog),
            options, clock ?? TimeProvider.System, NullLoggerFactory.Instance);
    }

    private static RecommendationRequest Request(string mood = "estoy agobiado con el trabajo", string roomId = "r1")
    {
        var inRoom = TitleSelection.ForRoom(Catalog.All, Filters, 20, roomId);
        return new RecommendationRequest(roomId, mood, Filters, inRoom.Select(t => t.MediaId).ToHashSet(), inRoom.Take(2).ToArray());
    }

    /// <summary>Usable: some titles, all new to the room, within its filters, in the genres it names.</summary>
    private static void AssertUsable(Recommendation r, RecommendationRequest request, string source)
    {
        Assert.Equal(source, r.Source);
        Assert.NotEmpty(r.Titles);
        Assert.All(r.Titles, t =>
        {
            Assert.DoesNotContain(t.MediaId, request.Exclude);
            Assert.True(TitleSelection.Passes(t, request.Filters), t.MediaId);
            Assert.Contains(t.Genres, r.Genres.Contains);
        });
        Assert.False(string.IsNullOrWhiteSpace(r.Reasoning));
        Assert.InRange(r.Confidence, 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(r.Reading));
        Assert.Equal(r.Titles.Count, r.Reasons?.Count);
        Assert.All(r.Reasons!, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public async Task A_good_answer_becomes_a_model_recommendation_of_new_titles_in_its_genres()
    {
        _model.Reply = LoopbackChatModel.Answer("""{"genres": ["comedy", "adventure"], "emotionalState": "stressed", "approach": "escape", "reasoning": "Algo ligero para desconectar."}""");
        var request = Request();

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "model");
        Assert.Equal(["comedy", "adventure"], r.Genres);
        Assert.Equal(("stressed", "Algo ligero para desconectar."), (r.EmotionalState, r.Reasoning));
        var body = Assert.Single(_model.Bodies);
        Assert.Equal(AiOptions.DefaultModel, body.GetProperty("model").GetString());
        var prompt = string.Join("\n", body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Contains("estoy agobiado con el trabajo", prompt);
        Assert.Contains(request.Liked[0].Title, prompt);
    }

    [Fact]
    public async Task An_answer_wrapped_in_prose_and_fences_is_still_the_model_s()
    {
        _model.Reply = LoopbackChatModel.Answer("¡Claro! Te recomiendo:\n```json\n{\"Genres\": [\"Comedia\", \"Aventura\"], \"Emotional_State\": \"Estresado\", \"APPROACH\": \"Escape\", \"Reasoning\": \"Para reír.\"}\n```\n¡Que lo disfrutes!");
        var request = Request();

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "model");
        Assert.Equal(("stressed", "Para reír."), (r.EmotionalState, r.Reasoning));
    }

    [Fact]
    public async Task A_server_error_gets_the_fallback()
    {
        _model.Reply = LoopbackChatModel.Status(500);
        var request = Request();

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "fallback");
        Assert.Equal("stressed", r.EmotionalState);
        Assert.Equal(1, _model.Requests);
    }

    [Fact]
    public async Task A_model_that_hangs_past_the_timeout_gets_the_fallback_in_time()
    {
        _model.Reply = LoopbackChatModel.Hang;
        var request = Request();
        var clock = Stopwatch.StartNew();

        var r = await Recommender(configure: o => o.TimeoutSeconds = 0.5).RecommendAsync(request).WaitAsync(TimeSpan.FromSeconds(15));

        AssertUsable(r, request, "fallback");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the fallback took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("""{"genres": ["comedy", "emotionalState": "stres""", false)]
    [InlineData("I'd suggest something funny, maybe a comedy!", false)]
    [InlineData("""{"choices": [{"message": {"role": "assistant", "content": """, true)]
    [InlineData("<html>502 Bad Gateway</html>", true)]
    public async Task Malformed_json_in_the_answer_or_the_body_gets_the_fallback(string text, bool wholeBody)
    {
        _model.Reply = wholeBody ? LoopbackChatModel.RawBody(text) : LoopbackChatModel.Answer(text);
        var request = Request("I feel so lonely tonight");

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "fallback");
        Assert.Equal("lonely", r.EmotionalState);
    }

    [Fact]
    public async Task An_open_circuit_answers_without_asking_the_model_until_it_may_try_again()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2030-01-01T00:00:00Z"));
        var recommender = Recommender(clock, o => (o.BreakAfterFailures, o.BreakFor) = (2, TimeSpan.FromSeconds(30)));
        _model.Reply = LoopbackChatModel.Status(503);
        await recommender.RecommendAsync(Request());
        await recommender.RecommendAsync(Request());
        Assert.Equal((CircuitState.Open, 2), (recommender.Circuit, _model.Requests));

        _model.Reply = LoopbackChatModel.Answer("""{"genres": ["drama"], "emotionalState": "sad", "approach": "catharsis", "reasoning": "r"}""");
        var whileOpen = await recommender.RecommendAsync(Request());
        AssertUsable(whileOpen, Request(), "fallback");
        Assert.Equal(2, _model.Requests);

        clock.Advance(TimeSpan.FromSeconds(31));
        var afterwards = await recommender.RecommendAsync(Request());
        AssertUsable(afterwards, Request(), "model");
        Assert.Equal((CircuitState.Closed, 3), (recommender.Circuit, _model.Requests));
    }

    [Fact]
    public async Task A_room_asking_too_often_gets_the_fallback_while_other_rooms_still_get_the_model()
    {
        var recommender = Recommender(configure: o => o.RoomRequestsPerMinute = 2);

        var sources = new List<string>();
        for (var i = 0; i < 3; i++) sources.Add((await recommender.RecommendAsync(Request(roomId: "busy"))).Source);
        sources.Add((await recommender.RecommendAsync(Request(roomId: "calm"))).Source);

        Assert.Equal(["model", "model", "fallback", "model"], sources);
        Assert.Equal(3, _model.Requests);
    }

    [Fact]
    public async Task Genres_that_leave_no_new_title_get_the_fallback()
    {
        _model.Reply = LoopbackChatModel.Answer("""{"genres": ["documentary"], "emotionalState": "bored"}""");
        var everyDocumentary = Catalog.All.Where(t => t.Genres.Contains("documentary")).Select(t => t.MediaId).ToHashSet();
        var request = new RecommendationRequest("r1", "qué aburrido estoy", new RoomFilters(), everyDocumentary, []);

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "fallback");
        Assert.Equal("bored", r.EmotionalState);
    }

    [Fact]
    public async Task A_rich_answer_is_read_like_a_member_s_words_tones_constraints_and_what_to_avoid()
    {
        _model.Reply = LoopbackChatModel.Answer("""
            {"genres": [], "tones": ["scary"], "avoid": ["gory", "comedy"], "audience": null, "mediaType": "movie", "era": "1970s",
             "length": null, "country": null, "like": null, "topics": [], "emotionalState": "bored", "approach": "escape",
             "reasoning": "Miedo de los setenta, sin casquería."}
            """);
        var request = new RecommendationRequest("r1", "algo de miedo de los setenta pero no muy gore", new RoomFilters(), new HashSet<string>(), []);

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "model");
        Assert.All(r.Titles, t => Assert.True(t.Genres.Contains("horror") && !t.Genres.Contains("comedy")
            && t.MediaType == MediaType.Movie && t.Year is >= 1970 and <= 1979, t.MediaId));
        Assert.Equal(("es", "Miedo de los setenta, sin casquería."), (r.Language, r.Reasoning));
        Assert.Equal("Entendido: de miedo, nada gore, nada de comedia, una película, de 1970 a 1979. Estado de ánimo: aburrimiento, pero manda lo que habéis pedido.", r.Reading);
    }

    [Fact]
    public async Task A_title_the_model_names_is_looked_up_in_the_catalogue_typos_and_all()
    {
        _model.Reply = LoopbackChatModel.Answer("""Sure! {"Like": "interstelar", "Topics": ["space"], "emotionalState": "happy"}""");
        var request = new RecommendationRequest("r1", "something in the spirit of that film with the wormhole", new RoomFilters(), new HashSet<string>(), []);

        var r = await Recommender().RecommendAsync(request);

        Assert.Equal("model", r.Source);
        Assert.NotEmpty(r.Titles);
        Assert.DoesNotContain(r.Titles, t => t.MediaId == "m-interstellar-2014");
        Assert.All(r.Titles, t => Assert.True(t.Genres.Count(new[] { "science-fiction", "adventure", "drama" }.Contains) >= 2, t.MediaId));
        Assert.StartsWith("Understood: a film, like Interstellar (2014), about space.", r.Reading);
        Assert.All(r.Titles, t => Assert.Equal(MediaType.Movie, t.MediaType));
        Assert.All(r.Reasons!, reason => Assert.Contains("with Interstellar", reason));
    }

    [Fact]
    public async Task What_the_member_rules_out_stays_out_even_when_the_model_asks_for_it()
    {
        _model.Reply = LoopbackChatModel.Answer("""{"géneros": "Terror, Comedia", "público": "niños", "tipo": "película", "estado": "contento"}""");
        var request = new RecommendationRequest("r1", "algo divertido para los niños, sin terror", new RoomFilters(), new HashSet<string>(), []);

        var r = await Recommender().RecommendAsync(request);

        AssertUsable(r, request, "model");
        Assert.Equal(["comedy"], r.Genres);
        Assert.All(r.Titles, t => Assert.True(!t.Genres.Contains("horror") && t.Genres.Contains("family") && t.MediaType == MediaType.Movie, t.MediaId));
        Assert.Equal("happy", r.EmotionalState);
    }

    [Fact]
    public async Task When_nothing_fits_the_answer_says_so_and_adds_nothing()
    {
        _model.Reply = LoopbackChatModel.Answer("""{"genres": ["western"], "mediaType": "tv", "era": "1940s", "emotionalState": "neutral"}""");
        var request = new RecommendationRequest("r1", "una serie del oeste de los años 40", new RoomFilters(), new HashSet<string>(), []);

        var r = await new KeywordRecommender(Catalog).RecommendAsync(request);
        var fromTheModel = await new ModelRecommender(ModelRecommender.Connect(new AiOptions { Endpoint = _model.Endpoint, TimeoutSeconds = 5 }), Catalog)
            .RecommendAsync(request);

        foreach (var answer in new[] { r, fromTheModel })
        {
            Assert.Empty(answer.Titles);
            Assert.EndsWith("No queda nada en el catálogo que encaje, así que no se ha añadido nada.", answer.Reading);
        }
    }
}
