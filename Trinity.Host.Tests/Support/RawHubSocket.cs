using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Trinity.Host.Tests;

/// <summary>A bare WebSocket to the hub: the handshake and then whatever bytes a test likes.</summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private Task _reading = Task.CompletedTask;

    /// <summary>
    /// Connects with a small socket receive buffer. Linux would otherwise let an unread loopback socket
    /// take up to tcp_rmem's maximum (32 MB here) before the server notices anything, which no stalled
    /// phone on a real link does.
    /// </summary>
    private static readonly HttpMessageInvoker SmallReceiveBuffer = new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8 * 1024 };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <param name="read">false: never read what the server sends (a client that stopped reading)</param>
    public static async Task<RawHubSocket> ConnectAsync(Uri baseUri, string token, string protocol = "json", bool read = true)
    {
        var raw = new RawHubSocket();
        var uri = new UriBuilder(baseUri) { Scheme = "ws", Path = "/realtime", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        if (read) await raw._socket.ConnectAsync(uri, CancellationToken.None);
        else await raw._socket.ConnectAsync(uri, SmallReceiveBuffer, CancellationToken.None);
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
