using Trinity.Actors.Domain;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog;

/// <summary>Where titles come from.</summary>
public interface ICatalog
{
    IReadOnlyList<MediaItem> All { get; }

    MediaItem? Find(string mediaId);

    /// <summary>The sources this node has (<see cref="SourceName"/>), for <c>filters.sources</c>.</summary>
    IReadOnlyList<string> Sources => [SourceName.Embedded];

    /// <summary>The titles a room's source and watched-state filters allow; the other filters are <see cref="TitleSelection"/>'s.</summary>
    IEnumerable<MediaItem> Candidates(RoomFilters filters) => All;

    /// <summary>Throws UNAVAILABLE when a room asks only for sources that have nothing to give.</summary>
    void EnsureReachable(IReadOnlyList<string>? sources) { }
}
