namespace Trinity.Actors.Protocol;

/// <summary>
/// Marker for every message that may cross nodes or reach the journal; all of them are bound to
/// <see cref="Serialization.TrinitySerializer"/> in hocon/trinity.conf.
/// </summary>
public interface ITrinityMessage;
