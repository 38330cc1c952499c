using System.Text.Json;
using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Catalog;

/// <summary>The catalogue shipped inside this assembly (Catalog/titles.json): works with no configuration.</summary>
public sealed class EmbeddedCatalog : ICatalog
{
    private readonly Dictionary<string, MediaItem> _byId;

    public EmbeddedCatalog()
    {
        using var stream = typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream("Trinity.Catalog.titles.json")
            ?? throw new InvalidOperationException("The embedded catalogue is missing from the build.");
        All = JsonSerializer.Deserialize<MediaItem[]>(stream, TrinityJson.Options)
            ?? throw new InvalidOperationException("The embedded catalogue is empty.");
        _byId = All.ToDictionary(m => m.MediaId, StringComparer.Ordinal);
    }

    public IReadOnlyList<MediaItem> All { get; }

    public MediaItem? Find(string mediaId) => _byId.GetValueOrDefault(mediaId);
}
