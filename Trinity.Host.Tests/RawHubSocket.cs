using System.Net.WebSockets;
using System.Text;

namespace Trinity.Host.Tests;

/// <summary>A bare WebSocket to the hub: the handshake and then whatever bytes a test likes.</summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private Task _reading = Task.CompletedTask;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <param name="read">false: never read what the server sends (a client that stopped reading)</param>
    public static async Task<RawHubSocket> ConnectAsync(Uri baseUri, string token, string protocol = "json", bool read = true)
    {
        var raw = new RawHubSocket();
        var uri = new UriBuilder(baseUri) { Scheme = "ws", Path = "/realtime", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        await raw._socket.ConnectAsync(uri, CancellationToken.None);
        await raw.SendAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{protocol}\",\"version\":1}}\u001e"), text: true);
        if (read) raw._reading = raw.DiscardIncomingAsync();
        return raw;
    }

    public async Task SendAsync(byte[] bytes, bool text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(bytes, text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, timeout.Token);
    }

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), text: true);

    private async Task DiscardIncomingAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
                if ((await _socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType == WebSocketMessageType.Close) return;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException) { } // closed or aborted
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reading;
        _socket.Dispose();
    }
}
