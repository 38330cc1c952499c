using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>
/// Posters and backdrops, fetched from the source that has them and kept: the most recently used in memory,
/// more on disk (each bounded; the oldest go first). Trinity does not re-encode images: each source is asked
/// for card width (TMDB's w500, Jellyfin's maxWidth, Plex's photo transcoder), and the bytes are served as sent.
/// </summary>
public sealed partial class ArtworkCache
{
    public sealed record Image(byte[] Bytes, string ContentType);

    private readonly SourcedCatalog _catalog;
    private readonly DirectoryInfo _directory;
    private readonly long _memoryLimit, _diskLimit;
    private readonly ILogger<ArtworkCache> _log;
    private readonly LinkedList<(string Key, Image Image)> _recent = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Image Image)>> _inMemory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Image?>>> _fetching = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private long _memoryBytes;

    public ArtworkCache(SourcedCatalog catalog, string directory, long memoryLimit, long diskLimit, ILogger<ArtworkCache> log)
    {
        (_catalog, _memoryLimit, _diskLimit, _log) = (catalog, memoryLimit, diskLimit, log);
        _directory = Directory.CreateDirectory(directory);
    }

    /// <summary>A title's poster or backdrop; null when no source has one or none could serve it now.</summary>
    public async Task<Image?> GetAsync(string mediaId, bool backdrop, CancellationToken cancellationToken)
    {
        if (!SafeId().IsMatch(mediaId) || _catalog.Describe(mediaId) is not { } entry) return null;
        var key = mediaId + (backdrop ? ".backdrop" : ".poster");
        if ((FromMemory(key) ?? FromDisk(key)) is { } known) return known;
        var sources = backdrop ? entry.Backdrops : entry.Posters;
        if (sources.Count == 0) return null;
        // One fetch per image however many cards ask for it at once.
        var fetch = _fetching.GetOrAdd(key, _ => new Lazy<Task<Image?>>(() => FetchAsync(key, sources)));
        try
        {
            return await fetch.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (fetch.Value.IsCompleted) _fetching.TryRemove(new(key, fetch));
        }
    }

    private async Task<Image?> FetchAsync(string key, IReadOnlyList<(CatalogSource Source, string Address)> sources)
    {
        foreach (var (source, address) in sources)
            try
            {
                var bytes = await source.Source.ImageAsync(address, CancellationToken.None);
                var image = new Image(bytes, ImageTypes.Of(bytes)!);
                Remember(key, image);
                ToDisk(key, bytes);
                return image;
            }
            catch (Exception e)
            {
                _log.LogDebug("Artwork {Key} from {Source} failed: {Reason}", key, source.Name, e.Message);
            }
        return null;
    }

    private Image? FromMemory(string key)
    {
        lock (_lock)
        {
            if (!_inMemory.TryGetValue(key, out var node)) return null;
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Image;
        }
    }

    private void Remember(string key, Image image)
    {
        if (image.Bytes.Length > _memoryLimit) return;
        lock (_lock)
        {
            if (_inMemory.ContainsKey(key)) return;
            _inMemory[key] = _recent.AddFirst((key, image));
            _memoryBytes += image.Bytes.Length;
            while (_memoryBytes > _memoryLimit && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _inMemory.Remove(oldest.Value.Key);
                _memoryBytes -= oldest.Value.Image.Bytes.Length;
            }
        }
    }

    private Image? FromDisk(string key)
    {
        var file = new FileInfo(Path.Combine(_directory.FullName, key));
        try
        {
            if (!file.Exists) return null;
            var bytes = File.ReadAllBytes(file.FullName);
            if (ImageTypes.Of(bytes) is not { } type) return null;
            file.LastWriteTimeUtc = DateTime.UtcNow; // recently used: last to go
            var image = new Image(bytes, type);
            Remember(key, image);
            return image;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void ToDisk(string key, byte[] bytes)
    {
        if (bytes.Length > _diskLimit) return;
        try
        {
            var temporary = Path.Combine(_directory.FullName, key + ".part");
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, Path.Combine(_directory.FullName, key), overwrite: true);
            var files = _directory.GetFiles().Where(f => f.Extension != ".part").OrderByDescending(f => f.LastWriteTimeUtc).ToArray();
            var total = 0L;
            foreach (var f in files)
                if ((total += f.Length) > _diskLimit) f.Delete();
        }
        catch (IOException e)
        {
            _log.LogWarning("Artwork cache: cannot write to {Directory} ({Reason}); images are served from memory", _directory.FullName, e.Message);
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex SafeId();
}
