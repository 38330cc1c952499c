namespace Trinity.Actors.Protocol;

/// <summary>
/// Marker for every message that may cross nodes or reach the journal; all of them are bound to
/// <see cref="Serialization.TrinitySerializer"/> (see <see cref="Serialization.TrinitySerializer.BoundTypes"/>).
/// </summary>
public interface ITrinityMessage;
