using Akka.Actor;
using Akka.Serialization;
using Trinity.Actors.Connections;
using Trinity.Actors.Domain;
using Trinity.Actors.Messages.Commands;
using Trinity.Actors.Messages.Events;
using Trinity.Actors.Messages.Queries;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;
using Xunit.Abstractions;

namespace Trinity.Actors.Tests;

/// <summary>Every message that can cross nodes or reach the journal survives the real serializer unchanged.</summary>
public sealed class SerializationSpec(ITestOutputHelper output) : ActorSpecBase(output)
{
    private static readonly DateTime At = new(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc);
    private static readonly MediaItem Item = new("m-alien-1979", "Alien", 1979, MediaType.Movie, ["horror", "science-fiction"], "In space.", 8.5);
    private static readonly MediaItem ItemFromLibrary = Item with
    {
        PosterUrl = "api/media/m-alien-1979/poster", BackdropUrl = "api/media/m-alien-1979/backdrop",
        TrailerUrl = "https://www.youtube.com/watch?v=alien",
        AvailableOn = [new WatchOption("jellyfin", "library", "Jellyfin", "http://jf/web/#/details?id=1"), new WatchOption("tmdb", "stream", "Filmin")],
    };
    private static readonly Match AMatch = new("m-alien-1979", "Alien", ["ana", "ben"], ConsensusMode.Majority, At);
    private static readonly Progress SomeProgress = new(1, 20, 5);
    private static readonly RoomSettings SomeSettings = new("Friday", ConsensusMode.Majority,
        new RoomFilters(["horror"], [MediaType.Movie], 1970, 1990, 7.5, GenreMatch.All), 4, 10, true);
    private static readonly RankedTitle Ranked = new("m-alien-1979", "Alien", 2, true);
    private static readonly VoteResult AVoteResult = new("r1", "m-alien-1979", VoteType.Like, SomeProgress, null, false, AMatch);

    private object[] Samples() =>
    [
        new CreateRoom("r1", "ABC123", SomeSettings, "ana", "Ana", TestActor),
        new JoinRoom("r1", "ben", "Ben", null),
        new LeaveRoom("r1", "ben"),
        new CastVote("r1", "ana", "m-alien-1979", VoteType.Dislike, "v1"),
        new RequestRecommendations("r1", "ana", "feliz"),
        new SendChat("r1", "ana", "hola", "ben"),
        new CloseRoom("r1", "ana"),
        new UndoVote("r1", "ana", "m-alien-1979"),
        new DecideNow("r1", "ana"),
        new UndoResult("r1", "m-alien-1979", true, SomeProgress, "m-alien-1979"),
        new CommandRejected(ErrorCodes.RoomFull, "full"),
        new Resubscribe("r1", "ana", TestActor, 7),
        new SubscribedToRoom("r1", "ana"),
        new UnsubscribedFromRoom("r1"),
        new UnsubscribedFromRoom("r1", "ana"),
        new Unsubscribe("r1", "ana", TestActor),
        new ToMember("ana", new PrivateMessage("ben", "Ben", "r1", "psst", At)),
        new GetRoomState("r1", "ana"),
        new GetRoomStats("r1"),
        new RoomStats("r1", RoomStatus.Active, 2, 1, 3, 9),
        new GetRoomDetail("r1"),
        NodeConnections.Count.Instance,
        new RoomDetail(new RoomStats("r1", RoomStatus.Active, 2, 1, 3, 9), "akka.tcp://trinity@127.0.0.1:4053",
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            [new MemberView("u1", "Ana", MemberRole.Creator, MemberStatus.Active, true, 4)]),
        new ClaimInviteCode("ABC123", "r1"),
        new ResolveInviteCode("ABC123"),
        new InviteCodeOwner("ABC123", null),
        new RecordMembership("ana", new MyRoom("r1", "Friday", "ABC123", MemberRole.Creator, At)),
        new ForgetMembership("ana", "r1"),
        new GetMyRooms("ana"),
        new MyRooms([new MyRoom("r1", "Friday", "ABC123", MemberRole.Member, At)]),
        new InviteCodeClaimed("r1"),
        new MembershipRecorded(new MyRoom("r1", "Friday", "ABC123", MemberRole.Member, At)),
        new MembershipForgotten("r1"),
        new RoomCreated(1, At, "r1", "ABC123", SomeSettings, "ana", "Ana", true, [Item]),
        new RoomCreated(1, At, "r1", "ABC123", SomeSettings with { Filters = SomeSettings.Filters with { Sources = ["jellyfin"], UnwatchedOnly = true } },
            "ana", "Ana", true, [ItemFromLibrary]),
        new MemberJoined(2, At, "ben", "Ben", false),
        new MemberPresenceChanged(3, At, "ben", MemberStatus.Inactive, false),
        new RoomStatusChanged(4, At, RoomStatus.Finished, StateChangeReason.FirstMatch),
        new VoteCast(5, At, "ana", "m-alien-1979", VoteType.Like, null),
        new MatchFound(6, At, "m-alien-1979", "Alien", ["ana", "ben"], ConsensusMode.Unanimous, "ben"),
        new TitlesRecommended(7, At, "ana", [Item], ["horror"], "because", "bored", 0.7, "fallback",
            "Understood: scary.", ["Horror · rated 8.5"], "en", AtFront: true),
        new ChatPosted(8, At, "ana", "Ana", "hi"),
        new VoteWithdrawn(9, At, "ana", "m-alien-1979"),
        new RoomFinished(10, At, FinishReason.Decided, Ranked, [Ranked]),
        new VoteWithdrawnNotice("r1", 9, At, "ana", "m-alien-1979", SomeProgress),
        new RoomFinishedNotice("r1", 10, At, FinishReason.Exhausted, null, []),
        new RoomSnapshot("r1", "ABC123", "Friday", RoomStatus.Active, ConsensusMode.Unanimous, "ana", 10, false,
            [new MemberView("ana", "Ana", MemberRole.Creator, MemberStatus.Active, true, 1)], [Item], 0, SomeProgress, [AMatch], 8,
            new RoomFinish(FinishReason.Match, Ranked, [Ranked]), [new ChatLine(7, At, "ana", "Ana", "hi")]),
        AVoteResult,
        new LeftRoom("r1"),
        new RecommendationsAccepted(),
        new MessageDelivered(false),
        new VoteUpdate("r1", 1, At, "ana", "m-alien-1979", VoteType.Like, SomeProgress),
        new MatchFoundNotice("r1", 2, At, "m-alien-1979", "Alien", ["ana", "ben"], ConsensusMode.Majority),
        new RoomStateChanged("r1", 3, At, RoomStatus.Finished, null, 20, 2, StateChangeReason.Exhausted),
        new MemberStatusChanged("r1", 4, At, "ana", "Ana", MemberStatus.Left, false, At),
        new AiRecommendation("r1", 5, At, "ana", ["m-alien-1979"], ["Alien"], ["horror"], "r", "bored", 0.5, "model",
            1, "Understood: scary.", ["Horror · rated 8.5"], "en"),
        new ChatMessage("r1", 6, At, "ana", "Ana", "hi"),
        new SystemMessage(SystemMessageType.Maintenance, "restart at 3", At),
        new PrivateMessage("ana", "Ana", "r1", "psst", At),
        StateWithVotes(),
    ];

    private static RoomState StateWithVotes()
    {
        var state = new RoomState();
        state = state.Apply(new RoomCreated(1, At, "r1", "ABC123", SomeSettings, "ana", "Ana", true, [Item]));
        state = state.Apply(new VoteCast(2, At, "ana", "m-alien-1979", VoteType.Like, "v1"));
        state = state.Apply(new ChatPosted(3, At, "ana", "Ana", "hi"));
        state = state.Apply(new RoomStatusChanged(4, At, RoomStatus.Finished, StateChangeReason.Closed));
        return state;
    }

    [Fact]
    public void Every_trinity_message_type_has_a_sample_here()
    {
        var sampled = Samples().Select(s => s.GetType()).ToHashSet();
        Assert.Empty(TrinitySerializer.MessageTypes.Where(t => !sampled.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void Every_message_round_trips_through_the_bound_serializer()
    {
        var serialization = Sys.Serialization;
        foreach (var sample in Samples())
        {
            var serializer = serialization.FindSerializerFor(sample);
            Assert.IsType<TrinitySerializer>(serializer);
            var bytes = serializer.ToBinary(sample);
            var back = serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, sample));
            if (sample is RoomState state)
                Assert.Equal(serializer.ToBinary(state.SnapshotFor("ana")), serializer.ToBinary(((RoomState)back).SnapshotFor("ana")));
            else
                Assert.Equal(bytes, serializer.ToBinary(back));
            Assert.Equal(sample.GetType(), back.GetType());
        }
    }

    [Fact]
    public void A_recommendation_journalled_before_readings_still_reads_and_keeps_its_titles_at_the_end_of_the_queue()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(TitlesRecommended));
        const string old = """
            {"seq":2,"at":"2026-11-25T20:00:00Z","requestedBy":"ana","titles":[{"mediaId":"m-psycho-1960","title":"Psycho","year":1960,
             "mediaType":"movie","genres":["horror"],"overview":"A motel.","rating":8.5,"posterUrl":null}],"genres":["horror"],
             "reasoning":"because","emotionalState":"bored","confidence":0.7,"source":"fallback"}
            """;

        var e = (TitlesRecommended)serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(old), nameof(TitlesRecommended));

        Assert.Equal(("m-psycho-1960", null, null, null, false), (e.Titles[0].MediaId, e.Reading, e.Reasons, e.Language, e.AtFront));
        var state = new RoomState();
        state = state.Apply(new RoomCreated(1, At, "r1", "ABC123", SomeSettings, "ana", "Ana", true, [Item]));
        state = state.Apply(e);
        Assert.Equal(["m-alien-1979", "m-psycho-1960"], state.QueueOf("ana").Select(t => t.MediaId));
        var notice = (AiRecommendation)RoomNotifications.From(state, e);
        Assert.Equal((1, null, null), (notice.Added, notice.Reading, notice.Reasons));
    }

    [Fact]
    public void An_actor_reference_resolves_back_to_the_same_actor()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(JoinRoom));
        var join = new JoinRoom("r1", "ana", "Ana", TestActor);
        var back = (JoinRoom)serializer.FromBinary(serializer.ToBinary(join), serializer.Manifest(join));
        Assert.Equal(TestActor, back.Subscriber);
    }

    [Fact]
    public void The_wire_shape_is_camelCase_with_lower_case_enums()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(AVoteResult, TrinityJson.Options);
        Assert.Contains("\"voteType\":\"like\"", json);
        Assert.Contains("\"nextMediaId\":null", json);
        Assert.Contains("\"matchType\":\"majority\"", json);
        Assert.Contains("\"matchedAt\":\"2026-11-25T20:00:00Z\"", json);
    }

    [Fact]
    public void A_room_stored_before_sources_and_artwork_existed_still_reads()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(RoomCreated));
        var created = new RoomCreated(1, At, "r1", "ABC123", SomeSettings, "ana", "Ana", true, [Item]);
        var json = System.Text.Json.Nodes.JsonNode.Parse(serializer.ToBinary(created))!;
        string[] added = ["backdropUrl", "trailerUrl", "availableOn", "sources", "unwatchedOnly"];
        foreach (var item in json["titles"]!.AsArray()) foreach (var name in added) item!.AsObject().Remove(name);
        foreach (var name in added) json["settings"]!["filters"]!.AsObject().Remove(name);
        Assert.DoesNotContain("trailerUrl", json.ToJsonString());

        var back = (RoomCreated)serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), serializer.Manifest(created));

        Assert.Equal(serializer.ToBinary(created), serializer.ToBinary(back));
    }
}
