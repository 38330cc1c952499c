using Trinity.Actors.Protocol;

namespace Trinity.Actors.Actors;

/// <summary>Delivers an event to one client connection (SignalR in the host). Completes once the transport took it.</summary>
public interface IClientPush
{
    Task PushAsync(string connectionId, IClientEvent clientEvent);

    /// <summary>Closes the connection; the client reconnects and resyncs from a snapshot.</summary>
    void Disconnect(string connectionId, string reason);
}
