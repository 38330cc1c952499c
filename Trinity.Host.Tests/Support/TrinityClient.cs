using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Trinity.Actors.Serialization;
using Trinity.Host.Auth;
using Trinity.Host.Realtime;

namespace Trinity.Host.Tests;

public sealed record ReceivedEvent(string Name, JsonElement Payload, long At)
{
    public string? RoomId => Payload.TryGetProperty("roomId", out var r) ? r.GetString() : null;
    public long Seq => Payload.GetProperty("seq").GetInt64();
    public string Get(string property) => Payload.GetProperty(property).ToString();
}

/// <summary>
/// A client written from docs/PROTOCOL.md with the official SignalR .NET client: it sends plain camelCase
/// objects with string enums, exactly as a browser would, and records every event it receives.
/// </summary>
public sealed class TrinityClient : IAsyncDisposable
{
    public static readonly string[] EventNames =
        ["voteUpdate", "matchFound", "roomStateChanged", "memberStatusChanged", "aiRecommendation", "chatMessage", "systemMessage", "privateMessage",
            "roomFinished", "voteWithdrawn"];

    private readonly Channel<ReceivedEvent> _incoming = Channel.CreateUnbounded<ReceivedEvent>();

    private TrinityClient(HubConnection hub, GuestIdentity identity)
    {
        Hub = hub;
        Identity = identity;
        foreach (var name in EventNames)
            hub.On<JsonElement>(name, payload => _incoming.Writer.TryWrite(new ReceivedEvent(name, payload, Stopwatch.GetTimestamp())));
    }

    public HubConnection Hub { get; }
    public GuestIdentity Identity { get; }
    public string UserId => Identity.UserId;
    /// <summary>Every event taken from the connection so far, in arrival order.</summary>
    public List<ReceivedEvent> Seen { get; } = [];

    public static async Task<TrinityClient> ConnectAsync(TrinityServer server, string displayName, bool messagePack = false) =>
        await ConnectAsync(server.BaseUri, await server.GuestAsync(displayName), messagePack);

    public static async Task<TrinityClient> ConnectAsync(Uri baseUri, GuestIdentity identity, bool messagePack = false)
    {
        var hub = NewHub(baseUri, identity, messagePack);
        var client = new TrinityClient(hub, identity);
        await hub.StartAsync();
        return client;
    }

    /// <summary>A connection as this client makes it, not yet started.</summary>
    public static HubConnection NewHub(Uri baseUri, GuestIdentity identity, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "realtime"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(identity.Token));
        if (messagePack)
            builder.AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
        else
            builder.AddJsonProtocol(o => TrinityJson.Configure(o.PayloadSerializerOptions));
        var hub = builder.Build();
        hub.ServerTimeout = TimeSpan.FromSeconds(60);
        return hub;
    }

    public Task<T> Invoke<T>(string method, object argument) => Hub.InvokeAsync<T>(method, argument);

    /// <summary>Waits for the next event that matches, keeping everything seen on the way.</summary>
    public async Task<ReceivedEvent> WaitFor(string name, Func<ReceivedEvent, bool>? match = null, int timeoutSeconds = Waits.EventSeconds)
    {
        var already = Seen.FirstOrDefault(e => e.Name == name && (match?.Invoke(e) ?? true) && !_taken.Contains(e));
        if (already is not null) return Take(already);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            while (true)
            {
                var next = await _incoming.Reader.ReadAsync(timeout.Token);
                Seen.Add(next);
                if (next.Name == name && (match?.Invoke(next) ?? true)) return Take(next);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{UserId} saw no {name} in {timeoutSeconds}s; saw: " +
                string.Join(", ", Seen.Select(e => e.Name)));
        }
    }

    /// <summary>Takes whatever has arrived by now without waiting.</summary>
    public IReadOnlyList<ReceivedEvent> Drain()
    {
        while (_incoming.Reader.TryRead(out var next)) Seen.Add(next);
        return Seen;
    }

    private readonly HashSet<ReceivedEvent> _taken = new(ReferenceEqualityComparer.Instance);

    private ReceivedEvent Take(ReceivedEvent e)
    {
        _taken.Add(e);
        return e;
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
