using Trinity.Actors.Protocol;

namespace Trinity.Actors.Domain;

/// <summary>A room's validated, defaulted settings.</summary>
public sealed record RoomSettings(
    string Name,
    ConsensusMode Consensus,
    RoomFilters Filters,
    int MaxMembers,
    int QueueSize,
    bool EndOnFirstMatch)
{
    public const int DefaultMaxMembers = 10;
    public const int DefaultQueueSize = 20;
    public const int MaxNameLength = 80;

    /// <summary>Validates a client's request against this node's catalogue <paramref name="sources"/>; throws VALIDATION_FAILED naming the field.</summary>
    public static RoomSettings From(CreateRoomRequest? request, IReadOnlyList<string>? sources = null)
    {
        if (request is null) throw TrinityException.Validation("request", "is required");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) throw TrinityException.Validation("name", "is required");
        if (name.Length > MaxNameLength) throw TrinityException.Validation("name", $"must be at most {MaxNameLength} characters");

        var maxMembers = request.MaxMembers ?? DefaultMaxMembers;
        if (maxMembers is < 2 or > 50) throw TrinityException.Validation("maxMembers", "must be between 2 and 50");
        var queueSize = request.QueueSize ?? DefaultQueueSize;
        if (queueSize is < 5 or > 100) throw TrinityException.Validation("queueSize", "must be between 5 and 100");

        return new RoomSettings(name, request.Consensus ?? ConsensusMode.Unanimous,
            ValidFilters(request.Filters ?? new RoomFilters(), sources ?? [SourceName.Embedded]), maxMembers, queueSize, request.EndOnFirstMatch ?? false);
    }

    private static RoomFilters ValidFilters(RoomFilters filters, IReadOnlyList<string> configured)
    {
        var genres = filters.Genres?.Select(g => g?.Trim().ToLowerInvariant() ?? "").Distinct().ToArray();
        if (genres is { Length: > 20 }) throw TrinityException.Validation("filters.genres", "has too many entries");
        var unknown = genres?.FirstOrDefault(g => !Genres.All.Contains(g));
        if (unknown is not null)
            throw TrinityException.Validation("filters.genres", $"contains unknown genre '{Truncate(unknown)}' (known: {string.Join(", ", Genres.All)})");
        if (filters.YearFrom is < 1870 or > 2100) throw TrinityException.Validation("filters.yearFrom", "must be between 1870 and 2100");
        if (filters.YearTo is < 1870 or > 2100) throw TrinityException.Validation("filters.yearTo", "must be between 1870 and 2100");
        if (filters.YearFrom > filters.YearTo) throw TrinityException.Validation("filters.yearFrom", "must not be after filters.yearTo");
        if (filters.MinRating is < 0 or > 10 || (filters.MinRating is { } r && double.IsNaN(r)))
            throw TrinityException.Validation("filters.minRating", "must be between 0 and 10");
        if (filters.GenreMatch is { } match && !Enum.IsDefined(match))
            throw TrinityException.Validation("filters.genreMatch", "must be \"any\" or \"all\"");
        var mediaTypes = filters.MediaTypes?.Distinct().ToArray();
        var sources = ValidSources(filters.Sources, configured);
        return filters with
        {
            Genres = genres is { Length: > 0 } ? genres : null,
            MediaTypes = mediaTypes is { Length: > 0 } ? mediaTypes : null,
            Sources = sources is { Length: > 0 } ? sources : null,
            UnwatchedOnly = filters.UnwatchedOnly == true ? true : null,
        };
    }

    private static string[]? ValidSources(IReadOnlyList<string>? requested, IReadOnlyList<string> configured)
    {
        var sources = requested?.Select(s => s?.Trim().ToLowerInvariant() ?? "").Distinct().ToArray();
        if (sources is { Length: > 10 }) throw TrinityException.Validation("filters.sources", "has too many entries");
        if (sources?.FirstOrDefault(s => !SourceName.All.Contains(s)) is { } unknown)
            throw TrinityException.Validation("filters.sources",
                $"contains unknown source '{Truncate(unknown)}' (known: {string.Join(", ", SourceName.All)})");
        if (sources?.FirstOrDefault(s => !configured.Contains(s)) is { } absent)
            throw TrinityException.Validation("filters.sources",
                $"names {absent}, which this server is not configured for (it has: {string.Join(", ", configured)})");
        return sources;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
