using System.Text.Json.Serialization;

namespace Trinity.Actors.Catalog.Tmdb;

/// <summary>The fields Trinity reads from a TMDB discover result or a movie/tv details answer (snake_case JSON).</summary>
public sealed record TmdbTitle
{
    public int Id { get; init; }
    /// <summary>Films have a title and release_date; series a name and first_air_date.</summary>
    public string? Title { get; init; }
    public string? Name { get; init; }
    public string? ReleaseDate { get; init; }
    public string? FirstAirDate { get; init; }
    /// <summary>In discover results.</summary>
    public int[]? GenreIds { get; init; }
    /// <summary>In details answers.</summary>
    public TmdbGenre[]? Genres { get; init; }
    public string? Overview { get; init; }
    public double? VoteAverage { get; init; }
    public string? PosterPath { get; init; }
    public string? BackdropPath { get; init; }
    /// <summary>In details answers asked with <c>append_to_response=videos</c>.</summary>
    public TmdbList<TmdbVideo>? Videos { get; init; }
    /// <summary>In details answers asked with <c>append_to_response=watch/providers</c>: offers per country code.</summary>
    [JsonPropertyName("watch/providers")]
    public TmdbWatchProviders? WatchProviders { get; init; }
}

public sealed record TmdbGenre(int Id, string? Name);

public sealed record TmdbPage(int Page, int TotalPages, TmdbTitle[]? Results);

public sealed record TmdbList<T>(T[]? Results);

/// <summary>A video of a title; Trinity links the official YouTube trailer.</summary>
public sealed record TmdbVideo(string? Key, string? Site, string? Type, bool Official);

public sealed record TmdbWatchProviders(Dictionary<string, TmdbRegionOffers>? Results);

/// <summary>One country's offers (data by JustWatch): <c>link</c> is TMDB's page listing them.</summary>
public sealed record TmdbRegionOffers(string? Link, TmdbProvider[]? Flatrate, TmdbProvider[]? Rent, TmdbProvider[]? Buy);

public sealed record TmdbProvider(string? ProviderName);

[JsonSerializable(typeof(TmdbPage))]
[JsonSerializable(typeof(TmdbTitle))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class TmdbJson : JsonSerializerContext;
