using Trinity.Actors.Catalog;
using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Tests;

public sealed class CatalogSpec
{
    private static readonly EmbeddedCatalog Catalog = new();

    [Fact]
    public void The_embedded_catalogue_holds_at_least_300_well_formed_titles()
    {
        Assert.True(Catalog.All.Count >= 300, $"only {Catalog.All.Count} titles");
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(m => m.MediaId).Distinct().Count());
        Assert.All(Catalog.All, m =>
        {
            Assert.True(Identifiers.IsPlausibleId(m.MediaId), m.MediaId);
            Assert.NotEmpty(m.Title);
            Assert.NotEmpty(m.Overview);
            Assert.InRange(m.Rating, 0, 10);
            Assert.NotEmpty(m.Genres);
            Assert.All(m.Genres, g => Assert.Contains(g, Genres.All));
        });
        Assert.Contains(Catalog.All, m => m.MediaType == MediaType.Tv);
    }

    [Fact]
    public void A_room_gets_filtered_titles_that_favour_its_genres_and_differ_between_rooms()
    {
        var filters = new RoomFilters(["horror", "comedy"], [MediaType.Movie], 1970, null, 6);

        var titles = TitleSelection.ForRoom(Catalog.All, filters, 10, "room-a");

        Assert.Equal(10, titles.Count);
        Assert.All(titles, t => Assert.True(TitleSelection.Passes(t, filters)));
        Assert.Equal(titles, TitleSelection.ForRoom(Catalog.All, filters, 10, "room-a"));
        Assert.NotEqual(titles, TitleSelection.ForRoom(Catalog.All, new RoomFilters(), 10, "room-b"));
    }

    [Fact]
    public void Every_embedded_id_is_the_stable_id_of_its_title_type_and_year() =>
        Assert.All(Catalog.All, m => Assert.Equal(m.MediaId, MediaIds.For(m.MediaType, m.Title, m.Year)));

    [Theory]
    [InlineData("Amélie", 2001, "m-amelie-2001")]
    [InlineData("Léon: The Professional", 1994, "m-leon-the-professional-1994")]
    [InlineData("¿Qué he hecho yo para merecer esto!!", 1984, "m-que-he-hecho-yo-para-merecer-esto-1984")]
    [InlineData("???", 2020, "m-untitled-2020")]
    public void Stable_ids_are_plain_short_slugs(string title, int year, string id)
    {
        Assert.Equal(id, MediaIds.For(MediaType.Movie, title, year));
        Assert.True(Identifiers.IsPlausibleId(MediaIds.For(MediaType.Tv, new string('x', 200), 2020)));
    }

    [Fact]
    public void Genre_names_in_english_or_spanish_read_into_the_vocabulary()
    {
        Assert.Equal(["science-fiction"], GenreNames.Read("Ciencia Ficción"));
        Assert.Equal(["science-fiction"], GenreNames.Read("SCI-FI"));
        Assert.Equal(["action", "adventure"], GenreNames.Read("Action & Adventure"));
        Assert.Equal(["horror"], GenreNames.Read(" Terror "));
        Assert.Equal(["comedy", "drama"], GenreNames.ReadAll(["Comedy", "comedia", "telenovela", null, "Drama"]));
        Assert.Empty(GenreNames.Read("telenovela"));
    }

    [Fact]
    public void Genre_match_all_gives_only_titles_with_every_chosen_genre()
    {
        var filters = new RoomFilters(["comedy", "romance"], GenreMatch: GenreMatch.All);

        var titles = TitleSelection.ForRoom(Catalog.All, filters, 100, "room-a");

        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Subset(t.Genres.ToHashSet(), new HashSet<string> { "comedy", "romance" }));
        Assert.True(titles.Count < TitleSelection.ForRoom(Catalog.All, filters with { GenreMatch = GenreMatch.Any }, 100, "room-a").Count);
    }
}
