using Trinity.Actors.Protocol;
using Trinity.Actors.Serialization;

namespace Trinity.Actors.Connections;

/// <summary>Delivers an event to one client connection (SignalR in the host). Completes once the transport took it.</summary>
public interface IClientPush
{
    Task PushAsync(string connectionId, IClientEvent clientEvent);

    /// <summary>
    /// Delivers an event that may go to many connections; a transport that can write its serialised form
    /// (<see cref="PreparedEvent.Json"/>) as it is does so, and serialises it once for all of them.
    /// </summary>
    Task PushAsync(string connectionId, PreparedEvent prepared) => PushAsync(connectionId, prepared.Event);

    /// <summary>Closes the connection; the client reconnects and resyncs from a snapshot.</summary>
    void Disconnect(string connectionId, string reason);
}
