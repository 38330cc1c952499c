using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Trinity.Client;

/// <summary>
/// A connection to a Trinity cluster given as a list of node URLs. When its node goes away it connects
/// to the next one (with back-off), joins its rooms again, and then retries the call that was cut off;
/// a refusal with UNAVAILABLE (a room in transit) is retried too. Every call must therefore be safe to
/// repeat: give votes a voteId. Events are delivered as raw JSON to the handlers of <see cref="On"/>.
/// </summary>
public sealed class TrinityConnection(IReadOnlyList<Uri> nodes, Func<Task<string>> token, TrinityConnectionOptions? options = null)
    : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly TrinityConnectionOptions _options = options ?? new TrinityConnectionOptions();
    private readonly ConcurrentDictionary<string, Action<JsonElement>> _handlers = new();
    private readonly ConcurrentDictionary<string, byte> _rooms = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private HubConnection? _hub;
    private int _node = -1;

    /// <summary>The node this connection is on now.</summary>
    public Uri? Node => _node < 0 ? null : nodes[_node % nodes.Count];

    /// <summary>How many times it moved to another node (or reconnected).</summary>
    public int Reconnects { get; private set; }

    /// <summary>Receives every event of that name (register before <see cref="StartAsync"/>).</summary>
    public void On(string eventName, Action<JsonElement> handler) => _handlers[eventName] = handler;

    public Task StartAsync() => ConnectAsync(null);

    public async Task<T> InvokeAsync<T>(string method, object argument)
    {
        for (var attempt = 1; ; attempt++)
        {
            var hub = _hub;
            try
            {
                if (hub is not { State: HubConnectionState.Connected }) throw new InvalidOperationException("not connected");
                var result = await hub.InvokeAsync<JsonElement>(method, argument);
                if (method is "CreateRoom" or "JoinRoom" && result.TryGetProperty("roomId", out var roomId)) _rooms[roomId.GetString()!] = 0;
                if (method == "LeaveRoom" && result.TryGetProperty("roomId", out var left)) _rooms.TryRemove(left.GetString()!, out _);
                return result.Deserialize<T>(Json)!;
            }
            catch (HubException e) when (e.Message.StartsWith("UNAVAILABLE:") && attempt < _options.MaxAttempts)
            {
                await Task.Delay(Backoff(attempt));
            }
            catch (Exception e) when (e is not HubException && attempt < _options.MaxAttempts)
            {
                await ConnectAsync(hub);
            }
        }
    }

    /// <summary>Moves to the next node that answers, unless another caller already did since <paramref name="broken"/> failed.</summary>
    private async Task ConnectAsync(HubConnection? broken)
    {
        await _connecting.WaitAsync();
        try
        {
            if (_hub is { State: HubConnectionState.Connected } current && !ReferenceEquals(current, broken)) return;
            if (_hub is not null) await _hub.DisposeAsync();
            for (var attempt = 1; ; attempt++)
            {
                _node++;
                var hub = Build(nodes[_node % nodes.Count]);
                try
                {
                    await hub.StartAsync();
                    foreach (var roomId in _rooms.Keys) await hub.InvokeAsync<JsonElement>("JoinRoom", new { roomId });
                    _hub = hub;
                    if (broken is not null) Reconnects++;
                    return;
                }
                catch (Exception) when (attempt < _options.MaxAttempts * nodes.Count)
                {
                    await hub.DisposeAsync();
                    await Task.Delay(Backoff((attempt - 1) / nodes.Count + 1));
                }
            }
        }
        finally
        {
            _connecting.Release();
        }
    }

    private HubConnection Build(Uri node)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node.AbsoluteUri.TrimEnd('/') + "/realtime"), o => o.AccessTokenProvider = async () => await token())
            .AddJsonProtocol(o => o.PayloadSerializerOptions = Json)
            .Build();
        foreach (var (name, handler) in _handlers) hub.On<JsonElement>(name, handler);
        return hub;
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1)));

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        _connecting.Dispose();
    }
}

public sealed record TrinityConnectionOptions
{
    /// <summary>Tries of one call (and rounds over all nodes when connecting) before giving up.</summary>
    public int MaxAttempts { get; init; } = 20;
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);
}
