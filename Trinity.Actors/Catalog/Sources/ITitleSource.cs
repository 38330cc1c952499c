namespace Trinity.Actors.Catalog.Sources;

/// <summary>A remote source of titles (TMDB, a Jellyfin or Plex server), read through its own HTTP client.</summary>
public interface ITitleSource
{
    /// <summary>One of <see cref="SourceName"/>.</summary>
    string Name { get; }

    /// <summary>Every title the source has now; throws when it cannot say.</summary>
    Task<IReadOnlyList<SourcedTitle>> FetchAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The image at an address this source gave in <see cref="SourcedTitle.Poster"/> or <see cref="SourcedTitle.Backdrop"/>,
    /// fetched with the source's own credentials, which so never leave the server.
    /// </summary>
    Task<byte[]> ImageAsync(string address, CancellationToken cancellationToken);
}
