namespace Trinity.Actors.Hosting;

/// <summary><c>Trinity:Catalog</c>: where titles come from. The embedded catalogue always; TMDB too when it has a key.</summary>
public sealed class CatalogOptions
{
    public TmdbOptions Tmdb { get; set; } = new();
}

/// <summary><c>Trinity:Catalog:Tmdb</c>: The Movie Database (API v3) as an extra source of titles.</summary>
public sealed class TmdbOptions
{
    /// <summary>A v3 API key (sent as <c>api_key</c>) or a v4 read access token (sent as a bearer token); empty = no TMDB.</summary>
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.themoviedb.org/3";
    public string Language { get; set; } = "en-US";
    /// <summary>Discover pages (20 titles each) fetched per media type on every refresh.</summary>
    public int Pages { get; set; } = 5;
    /// <summary>How long one TMDB request may take.</summary>
    public double TimeoutSeconds { get; set; } = 5;
    /// <summary>How long fetched titles are kept before TMDB is asked again.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How soon to try again after TMDB failed.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Refuses a configuration that could only fail later, naming the key; called as the node starts.</summary>
    public void Validate()
    {
        if (!IsConfigured) return;
        OptionChecks.HttpUrl(BaseUrl, "Trinity:Catalog:Tmdb:BaseUrl");
        OptionChecks.Require(Pages is >= 1 and <= 50, "Trinity:Catalog:Tmdb:Pages", "must be between 1 and 50");
        OptionChecks.Require(TimeoutSeconds is > 0 and <= 120, "Trinity:Catalog:Tmdb:TimeoutSeconds", "must be between 0 and 120");
        OptionChecks.Require(RefreshEvery > TimeSpan.Zero && RetryAfter > TimeSpan.Zero, "Trinity:Catalog:Tmdb:RefreshEvery",
            "and RetryAfter must be positive");
    }
}
