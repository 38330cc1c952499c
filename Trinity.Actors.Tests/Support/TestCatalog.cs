using Trinity.Actors.Catalog;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Tests;

/// <summary>A small, fixed catalogue so room tests do not depend on the shipped data.</summary>
public sealed class TestCatalog : ICatalog
{
    public static readonly TestCatalog Instance = new();

    private TestCatalog()
    {
        string[] genres = ["drama", "comedy", "action", "horror", "romance"];
        All = Enumerable.Range(1, 40).Select(i => new MediaItem(
            $"m-title-{i}-{1980 + i}", $"Title {i}", 1980 + i, i % 4 == 0 ? MediaType.Tv : MediaType.Movie,
            [genres[i % genres.Length], genres[(i + 2) % genres.Length]], $"Overview {i}.", 5 + i % 5)).ToArray();
    }

    public IReadOnlyList<MediaItem> All { get; }

    public MediaItem? Find(string mediaId) => All.FirstOrDefault(m => m.MediaId == mediaId);
}
