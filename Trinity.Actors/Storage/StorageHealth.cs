using Akka.Actor;
using Trinity.Actors.Protocol;

namespace Trinity.Actors.Storage;

/// <summary>
/// Whether this node can store events now: kept by <see cref="StorageProbe"/> (which writes to the
/// journal and the snapshot store and looks at free disk space) and told at once by any room whose
/// write or recovery failed. The gateway refuses writes while it cannot (UNAVAILABLE, nothing changed);
/// readiness is 503 until the first probe succeeded and while a problem lasts.
/// </summary>
public sealed class StorageHealth
{
    /// <summary>Published on the event stream by a room whose write or recovery failed.</summary>
    public sealed record Failed(string Reason) : INoSerializationVerificationNeeded;

    private volatile string? _problem;
    private volatile bool _checked;

    /// <summary>Why this node cannot store events now; null when it can.</summary>
    public string? Problem => _problem;

    /// <summary>Whether a probe has succeeded since the node started.</summary>
    public bool Checked => _checked;

    public bool CanWrite => _problem is null;

    internal void Report(string? problem)
    {
        _problem = problem;
        if (problem is null) _checked = true;
    }

    public void ThrowIfCannotWrite()
    {
        if (_problem is { } problem)
            throw new TrinityException(ErrorCodes.Unavailable, $"storage is unavailable ({problem}); nothing changed, safe to retry");
    }
}
