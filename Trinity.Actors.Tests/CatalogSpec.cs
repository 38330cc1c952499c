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
}
