namespace Trinity.Actors.Catalog;

/// <summary>
/// <c>Trinity:Catalog</c>: where titles come from. The embedded catalogue always; TMDB, Jellyfin and Plex
/// too when each is configured.
/// </summary>
public sealed class CatalogOptions
{
    public TmdbOptions Tmdb { get; set; } = new();
    public JellyfinOptions Jellyfin { get; set; } = new();
    public PlexOptions Plex { get; set; } = new();
    /// <summary>Artwork kept on disk under <c>DataDir/artwork</c>, at most this many megabytes.</summary>
    public int ArtworkDiskMegabytes { get; set; } = 200;
    /// <summary>Artwork kept in memory, at most this many megabytes.</summary>
    public int ArtworkMemoryMegabytes { get; set; } = 32;

    /// <summary>Every configured source, as the node starts; throws naming the first wrong key.</summary>
    public void Validate()
    {
        Tmdb.Validate();
        Jellyfin.Validate();
        Plex.Validate();
        OptionChecks.Require(ArtworkDiskMegabytes is >= 0 and <= 100_000, "Trinity:Catalog:ArtworkDiskMegabytes", "must be between 0 and 100000");
        OptionChecks.Require(ArtworkMemoryMegabytes is >= 0 and <= 4096, "Trinity:Catalog:ArtworkMemoryMegabytes", "must be between 0 and 4096");
    }
}

/// <summary>What every remote source shares: a request timeout and how long its titles are cached.</summary>
public abstract class SourceOptions
{
    /// <summary>The configuration key prefix, e.g. <c>Trinity:Catalog:Tmdb</c>, for error messages.</summary>
    protected abstract string Key { get; }
    /// <summary>The server's or API's address and the key it is configured under.</summary>
    protected abstract (string? Value, string Key) Address { get; }
    /// <summary>How long one request may take (each retry gets this long again, within three times it in all).</summary>
    public double TimeoutSeconds { get; set; } = 5;
    /// <summary>How long fetched titles are kept before the source is asked again.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How soon to try again after the source failed.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    public abstract bool IsConfigured { get; }
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Refuses a configuration that could only fail later, naming the key; called as the node starts.</summary>
    public void Validate()
    {
        if (!IsConfigured) return;
        OptionChecks.HttpUrl(Address.Value ?? "", Address.Key);
        OptionChecks.Require(TimeoutSeconds is > 0 and <= 120, Key + ":TimeoutSeconds", "must be between 0 and 120");
        OptionChecks.Require(RefreshEvery > TimeSpan.Zero && RetryAfter > TimeSpan.Zero, Key + ":RefreshEvery",
            "and RetryAfter must be positive");
        ValidateMore();
    }

    protected virtual void ValidateMore() { }

    /// <summary>Comma-separated names as a list, blanks dropped.</summary>
    protected static IReadOnlyList<string> Names(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary><c>Trinity:Catalog:Tmdb</c>: The Movie Database (API v3) as an extra source of titles, trailers and where to stream.</summary>
public sealed class TmdbOptions : SourceOptions
{
    protected override string Key => "Trinity:Catalog:Tmdb";
    /// <summary>A v3 API key (sent as <c>api_key</c>) or a v4 read access token (sent as a bearer token); empty = no TMDB.</summary>
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.themoviedb.org/3";
    public string Language { get; set; } = "en-US";
    /// <summary>The country whose streaming, rent and buy offers are listed (ISO 3166-1).</summary>
    public string Region { get; set; } = "ES";
    /// <summary>Discover pages (20 titles each) fetched per media type on every refresh.</summary>
    public int Pages { get; set; } = 5;

    public override bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
    protected override (string?, string) Address => (BaseUrl, Key + ":BaseUrl");

    protected override void ValidateMore()
    {
        OptionChecks.Require(Pages is >= 1 and <= 50, "Trinity:Catalog:Tmdb:Pages", "must be between 1 and 50");
        OptionChecks.Require(Region is { Length: 2 } && Region.All(char.IsAsciiLetterUpper), "Trinity:Catalog:Tmdb:Region",
            $"must be a two-letter upper-case country code such as ES, not '{Region}'");
    }
}

/// <summary>What the media-server sources share: the server's address, its credential, and paging.</summary>
public abstract class LibraryServerOptions : SourceOptions
{
    /// <summary>The server's address as this node reaches it; empty = this source is off.</summary>
    public string? Url { get; set; }
    /// <summary>Items asked for per page.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The credential's value and its key's last part (<c>ApiKey</c>, <c>Token</c>).</summary>
    protected abstract (string? Value, string Name) Credential { get; }
    protected override (string?, string) Address => (Url, Key + ":Url");
    public override bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    protected override void ValidateMore()
    {
        OptionChecks.Require(!string.IsNullOrWhiteSpace(Credential.Value), $"{Key}:{Credential.Name}", $"is required with {Key}:Url");
        OptionChecks.Require(PageSize is >= 10 and <= 10_000, Key + ":PageSize", "must be between 10 and 10000");
    }
}

/// <summary><c>Trinity:Catalog:Jellyfin</c>: a Jellyfin server's film and series libraries (<c>Url</c> e.g. <c>http://jellyfin:8096</c>).</summary>
public sealed class JellyfinOptions : LibraryServerOptions
{
    protected override string Key => "Trinity:Catalog:Jellyfin";
    /// <summary>An API key made in Jellyfin's dashboard (Administration → API Keys).</summary>
    public string? ApiKey { get; set; }
    /// <summary>Whose played state and library access count; empty = the first administrator.</summary>
    public string? UserId { get; set; }
    /// <summary>Comma-separated library names; empty = every film and series library.</summary>
    public string? Libraries { get; set; }

    protected override (string?, string) Credential => (ApiKey, "ApiKey");
    public IReadOnlyList<string> LibraryNames => Names(Libraries);
}

/// <summary><c>Trinity:Catalog:Plex</c>: a Plex Media Server's film and show sections (<c>Url</c> e.g. <c>http://plex:32400</c>).</summary>
public sealed class PlexOptions : LibraryServerOptions
{
    protected override string Key => "Trinity:Catalog:Plex";
    /// <summary>An <c>X-Plex-Token</c>; its account's watched state counts.</summary>
    public string? Token { get; set; }
    /// <summary>Comma-separated section titles or keys; empty = every film and show section.</summary>
    public string? Sections { get; set; }

    protected override (string?, string) Credential => (Token, "Token");
    public IReadOnlyList<string> SectionNames => Names(Sections);
}
