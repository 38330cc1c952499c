using System.Text.Json.Serialization;

namespace Trinity.Actors.Catalog.Plex;

/// <summary>The fields Trinity reads from Plex Media Server's JSON (<c>Accept: application/json</c>): all wrapped in a MediaContainer.</summary>
public sealed record PlexAnswer([property: JsonPropertyName("MediaContainer")] PlexContainer? MediaContainer);

public sealed record PlexContainer
{
    public int Size { get; init; }
    public int? TotalSize { get; init; }
    public string? MachineIdentifier { get; init; }
    [JsonPropertyName("Directory")] public PlexSection[]? Directory { get; init; }
    [JsonPropertyName("Metadata")] public PlexMetadata[]? Metadata { get; init; }
}

/// <summary>A library section: <c>type</c> "movie" or "show" are the ones with films and series.</summary>
public sealed record PlexSection(string? Key, string? Type, string? Title);

public sealed record PlexMetadata
{
    public string? RatingKey { get; init; }
    public string? Type { get; init; }
    public string? Title { get; init; }
    public int? Year { get; init; }
    public string? Summary { get; init; }
    public double? Rating { get; init; }
    public double? AudienceRating { get; init; }
    public string? Thumb { get; init; }
    public string? Art { get; init; }
    /// <summary>Films: times played; shows: episodes watched is <c>viewedLeafCount</c>.</summary>
    public int? ViewCount { get; init; }
    public int? ViewedLeafCount { get; init; }
    [JsonPropertyName("Genre")] public PlexTag[]? Genre { get; init; }
}

public sealed record PlexTag(string? Tag);

[JsonSerializable(typeof(PlexAnswer))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
internal sealed partial class PlexJson : JsonSerializerContext;
