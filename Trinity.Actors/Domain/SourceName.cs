namespace Trinity.Actors.Domain;

/// <summary>The names of the catalogue's sources, as room filters (<c>filters.sources</c>) and clients spell them.</summary>
public static class SourceName
{
    public const string Embedded = "embedded";
    public const string Tmdb = "tmdb";
    public const string Jellyfin = "jellyfin";
    public const string Plex = "plex";

    public static readonly IReadOnlyList<string> All = [Embedded, Tmdb, Jellyfin, Plex];
}
