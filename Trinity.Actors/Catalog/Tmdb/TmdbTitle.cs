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
}

public sealed record TmdbGenre(int Id, string? Name);

public sealed record TmdbPage(int Page, int TotalPages, TmdbTitle[]? Results);

[JsonSerializable(typeof(TmdbPage))]
[JsonSerializable(typeof(TmdbTitle))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class TmdbJson : JsonSerializerContext;
