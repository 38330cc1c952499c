namespace Trinity.Actors.Domain;

/// <summary>The genre vocabulary of the catalogue and of room filters.</summary>
public static class Genres
{
    public static readonly IReadOnlySet<string> All = new SortedSet<string>(StringComparer.Ordinal)
    {
        "action", "adventure", "animation", "comedy", "crime", "documentary", "drama", "family", "fantasy",
        "history", "horror", "music", "mystery", "romance", "science-fiction", "thriller", "war", "western",
    };
}
