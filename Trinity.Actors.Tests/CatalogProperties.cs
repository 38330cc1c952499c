using CsCheck;
using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;
using Trinity.Actors.Recommendations;
using Trinity.Actors.Recommendations.Reading;

namespace Trinity.Actors.Tests;

/// <summary>Property tests of room filters and title selection over the shipped catalogue.</summary>
public sealed class CatalogProperties
{
    private static readonly EmbeddedCatalog Catalog = new();
    private static readonly string[] Vocabulary = Genres.All.ToArray();

    private static readonly MediaType[]?[] MediaTypeChoices = [null, [MediaType.Movie], [MediaType.Tv], [MediaType.Movie, MediaType.Tv]];

    private static readonly Gen<RoomFilters> Filters =
        Gen.Select(
            Gen.Int[0, 3].SelectMany(n => Gen.Int[0, Vocabulary.Length - 1].Array[n]).Select(ix => ix.Select(i => Vocabulary[i]).Distinct().ToArray()),
            Gen.Int[0, 2].Select(i => i == 0 ? (GenreMatch?)null : (GenreMatch)(i - 1)),
            Gen.Int[0, 3].Select(i => MediaTypeChoices[i]),
            Gen.Int[1930, 2030].Nullable(0.4), Gen.Int[0, 40], Gen.Int[0, 90].Nullable(0.5))
        .Select((genres, match, types, from, span, rating) => new RoomFilters(
            genres.Length > 0 ? genres : null, types, from, from + span, rating / 10.0, match));

    private static int GenreHits(MediaItem m, RoomFilters f) => f.Genres?.Count(m.Genres.Contains) ?? 0;

    [Fact]
    public void A_room_gets_as_many_passing_titles_as_asked_or_all_there_are() =>
        Gen.Select(Filters, Gen.Int[5, 100], Gen.String[Gen.Char.AlphaNumeric, 1, 16]).Sample((filters, count, roomId) =>
        {
            var titles = TitleSelection.ForRoom(Catalog.All, filters, count, roomId);
            var passing = Catalog.All.Count(m => TitleSelection.Passes(m, filters));
            return titles.Count == Math.Min(count, passing)
                && titles.All(t => TitleSelection.Passes(t, filters))
                && titles.Select(t => t.MediaId).Distinct().Count() == titles.Count;
        });

    [Fact]
    public void Titles_matching_more_of_the_chosen_genres_come_first() =>
        Gen.Select(Filters, Gen.Int[5, 100], Gen.String[Gen.Char.AlphaNumeric, 1, 16]).Sample((filters, count, roomId) =>
        {
            var hits = TitleSelection.ForRoom(Catalog.All, filters, count, roomId).Select(t => GenreHits(t, filters)).ToArray();
            return hits.Zip(hits.Skip(1)).All(p => p.Item1 >= p.Item2);
        });

    [Fact]
    public void Genre_match_all_keeps_only_titles_with_every_chosen_genre_and_any_keeps_those_with_one() =>
        Gen.Select(Filters, Gen.Int[0, Catalog.All.Count - 1]).Sample((filters, i) =>
        {
            var title = Catalog.All[i];
            var genresPass = TitleSelection.Passes(title, new RoomFilters(filters.Genres, GenreMatch: filters.GenreMatch));
            var expected = filters.Genres is null
                || (filters.GenreMatch == GenreMatch.All ? filters.Genres.All(title.Genres.Contains) : filters.Genres.Any(title.Genres.Contains));
            return genresPass == expected;
        });

    [Fact]
    public void Recommendations_stay_within_the_room_filters_and_outside_the_room() =>
        Gen.Select(Filters, Gen.String[Gen.Char.AlphaNumeric, 1, 16], Gen.Int[0, Vocabulary.Length - 1]).Sample((filters, roomId, g) =>
        {
            var inRoom = TitleSelection.ForRoom(Catalog.All, filters, 20, roomId).Select(t => t.MediaId).ToHashSet();
            var request = new RecommendationRequest(roomId, "bored", filters, inRoom, []);
            var picked = RequestRanker.Rank(Catalog.All, request, RequestParser.Read(Vocabulary[g].Replace('-', ' '), Catalog.All)).Select(p => p.Title).ToArray();
            var relaxed = filters with { Genres = null };
            return picked.Length <= request.Count
                && picked.All(t => !inRoom.Contains(t.MediaId) && t.Genres.Contains(Vocabulary[g]) && TitleSelection.Passes(t, relaxed));
        });

    [Fact]
    public void Room_settings_refuse_a_genre_match_that_is_neither_any_nor_all()
    {
        var error = Assert.Throws<TrinityException>(() =>
            RoomSettings.From(new CreateRoomRequest("x", Filters: new RoomFilters(["drama"], GenreMatch: (GenreMatch)7))));
        Assert.Equal((ErrorCodes.ValidationFailed, "filters.genreMatch must be \"any\" or \"all\""), (error.Code, error.Detail));
        Assert.Equal(GenreMatch.All, RoomSettings.From(new CreateRoomRequest("x", Filters: new RoomFilters(["drama"], GenreMatch: GenreMatch.All))).Filters.GenreMatch);
    }
}
