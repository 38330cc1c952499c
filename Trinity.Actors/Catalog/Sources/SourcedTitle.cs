using Trinity.Actors.Protocol;

namespace Trinity.Actors.Catalog.Sources;

/// <summary>
/// A title as one source has it: the catalogue item (its artwork URLs not yet set) and what only that source
/// knows: whether someone on that server played it, and where its artwork is on that source.
/// </summary>
public sealed record SourcedTitle(MediaItem Item, bool Played = false, string? Poster = null, string? Backdrop = null);
