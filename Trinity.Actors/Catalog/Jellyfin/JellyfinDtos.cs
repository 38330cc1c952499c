using System.Text.Json.Serialization;

namespace Trinity.Actors.Catalog.Jellyfin;

/// <summary>The fields Trinity reads from Jellyfin's API (PascalCase JSON: UserDto, BaseItemDto, QueryResult).</summary>
public sealed record JellyfinUser(string Id, string? Name, JellyfinUserPolicy? Policy);

public sealed record JellyfinUserPolicy(bool IsAdministrator);

public sealed record JellyfinItems(JellyfinItem[]? Items, int TotalRecordCount);

public sealed record JellyfinItem
{
    public string Id { get; init; } = "";
    public string? ServerId { get; init; }
    public string? Name { get; init; }
    /// <summary>"Movie" or "Series"; libraries (user views) have a CollectionType instead.</summary>
    public string? Type { get; init; }
    public string? CollectionType { get; init; }
    public int? ProductionYear { get; init; }
    public string? Overview { get; init; }
    public string[]? Genres { get; init; }
    public double? CommunityRating { get; init; }
    public Dictionary<string, string>? ImageTags { get; init; }
    public string[]? BackdropImageTags { get; init; }
    public JellyfinUserData? UserData { get; init; }
}

public sealed record JellyfinUserData(bool Played, int PlayCount);

[JsonSerializable(typeof(JellyfinUser[]))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(JellyfinItems))]
internal sealed partial class JellyfinJson : JsonSerializerContext;
