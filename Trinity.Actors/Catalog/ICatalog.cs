using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog;

/// <summary>Where titles come from.</summary>
public interface ICatalog
{
    IReadOnlyList<MediaItem> All { get; }

    MediaItem? Find(string mediaId);
}
